package dev.slipway.platform.console;

import dev.slipway.platform.service.lifecycle.ServiceView;
import java.util.List;

/**
 * What a service's configuration tab shows.
 *
 * @param deployed        the active deployment, or null when nothing serves yet
 * @param config          the active deployment's {@code apprunner.yaml} with its problems, or null when it has none
 * @param noConfig        why there is no {@code apprunner.yaml} to show, when there is none
 * @param sourceDirectory where in the repository the file is, "" for the root
 * @param scaling         the effective scaling and where each setting came from
 * @param paused          whether the service is paused
 * @param env             the active deployment's environment, secrets' values left out
 * @param pushHelp        how to push, for a {@code git-push} service that has no deployment yet; else null
 */
public record ConfigurationPage(Deployed deployed, ValidatedYaml config, String noConfig, String sourceDirectory,
                                ServiceView.ScalingView scaling, boolean paused, List<EnvVariable> env,
                                PushHelp pushHelp) {

    /** A deployment as the tab names it: {@code #3}, commit {@code 3f2a9c1}. */
    public record Deployed(String id, int number, String shortCommit, String commitMessage) {
    }

    /**
     * One variable the app runs with.
     *
     * @param value null for a secret, whose value the console never shows
     */
    public record EnvVariable(String name, String value) {

        public boolean secret() {
            return value == null;
        }
    }
}
