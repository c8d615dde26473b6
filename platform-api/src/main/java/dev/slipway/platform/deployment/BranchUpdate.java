package dev.slipway.platform.deployment;

/**
 * Moves a pushed branch together with the deployment of the push, so that the branch and the
 * version that runs always agree: the branch moves only once the new version is healthy and just
 * before traffic moves to it.
 */
public interface BranchUpdate {

    /** For deployments that were not pushed. */
    BranchUpdate NONE = new BranchUpdate() {
        @Override
        public void check() {
        }

        @Override
        public void apply() {
        }
    };

    /**
     * Before anything is built.
     *
     * @throws DeploymentFailedException when the branch moved since the push began (another push
     *                                   deployed first), so this push must be fetched and pushed again
     */
    void check();

    /**
     * Moves the branch to the pushed commit, once the deployment committed to moving traffic.
     *
     * @throws DeploymentFailedException when it cannot (the deployment then fails)
     */
    void apply();
}
