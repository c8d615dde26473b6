package dev.slipway.platform.gitpush;

import dev.slipway.platform.deployment.BranchUpdate;
import dev.slipway.platform.deployment.DeploymentFailedException;
import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * The deploy branch of a push, moved by the deployment itself just before traffic moves. Since
 * only deployments move a deploy branch, and a service runs one deployment at a time, two racing
 * pushes cannot end with the branch at one commit and the other one running: the later push finds
 * the branch moved and is refused before it builds.
 */
final class PushedBranch implements BranchUpdate {

    private final Repository repository;
    private final ReceiveCommand command;

    PushedBranch(Repository repository, ReceiveCommand command) {
        this.repository = repository;
        this.command = command;
    }

    @Override
    public void check() {
        var current = current();
        if (!current.equals(command.getOldId())) {
            throw new DeploymentFailedException("The branch " + branch() + " moved to " + abbreviate(current)
                    + " while this push waited (another push deployed first); fetch, merge and push again.");
        }
    }

    @Override
    public void apply() {
        try (var walk = new RevWalk(repository)) {
            var update = repository.updateRef(command.getRefName());
            update.setExpectedOldObjectId(command.getOldId());
            update.setNewObjectId(command.getNewId());
            update.setForceUpdate(true);
            update.setRefLogMessage("push: deployed by Slipway", true);
            var result = update.update(walk);
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD
                    && result != RefUpdate.Result.FORCED && result != RefUpdate.Result.NO_CHANGE) {
                throw new DeploymentFailedException("Could not move the branch " + branch() + " to the pushed commit ("
                        + result + "); push again.");
            }
        } catch (IOException e) {
            throw new DeploymentFailedException("Could not move the branch " + branch() + ": " + e.getMessage(), e);
        }
    }

    private ObjectId current() {
        try {
            var ref = repository.exactRef(command.getRefName());
            return ref == null || ref.getObjectId() == null ? ObjectId.zeroId() : ref.getObjectId();
        } catch (IOException e) {
            throw new DeploymentFailedException("Could not read the branch " + branch() + ": " + e.getMessage(), e);
        }
    }

    private String branch() {
        return command.getRefName().replaceFirst("^refs/heads/", "");
    }

    private static String abbreviate(ObjectId id) {
        return id.equals(ObjectId.zeroId()) ? "nothing (deleted)" : id.name().substring(0, 12);
    }
}
