package dev.slipway.platform.deployment;

import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.system.ConflictException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A deployment someone asked for by hand (REST API or console): what the source holds now, rebuilt. */
@Component
public class DeployNow {

    private final Deployer deployer;
    private final PushedRepositories repositories;

    DeployNow(Deployer deployer, PushedRepositories repositories) {
        this.deployer = deployer;
        this.repositories = repositories;
    }

    /**
     * Queues a deployment of the newest commit of the deploy branch, or of the image.
     *
     * @throws ConflictException when a {@code git-push} service was never pushed to
     */
    public RunningDeployment deploy(Service service) {
        var source = service.source();
        if (source.type() == ServiceSource.Type.GIT_PUSH && repositories.head(service.name(), source.branch()).isEmpty()) {
            throw new ConflictException("Nothing was pushed to service '" + service.name() + "' yet; push to its "
                    + source.branch() + " branch first.");
        }
        // The branch head is read when the deployment starts, so it deploys what the branch holds then.
        return deployer.deploy(service, DeploymentTrigger.API, Optional.empty(), DeploymentListener.NULL);
    }
}
