package dev.slipway.platform.gitpush;

import dev.slipway.build.source.SourceFetchException;
import dev.slipway.build.source.SourceLimits;
import dev.slipway.build.source.TreeCheck;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.project.ProjectDetector;
import dev.slipway.platform.deployment.Deployer;
import dev.slipway.platform.deployment.Deployment;
import dev.slipway.platform.deployment.DeploymentTrigger;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Deploys a push to a service's deploy branch before the branch moves, as Heroku does: the
 * project is checked first (a push with no buildable project or an invalid apprunner.yaml is
 * refused with the located problems, and so is a tree that could write outside its checkout or
 * exceeds the source limits: see {@link TreeCheck}), then built and released while the output streams into
 * {@code git push}. The deployment moves the branch itself, once its new instances are healthy and
 * just before traffic moves, so a failed push can simply be pushed again, and two racing pushes end
 * with the branch at the version that runs (see {@link PushedBranch}).
 */
final class PushDeployHook implements PreReceiveHook {

    private final String serviceName;
    private final ServiceRepository services;
    private final Deployer deployer;
    private final ServiceRoutes routes;
    private final SourceLimits limits;

    PushDeployHook(String serviceName, ServiceRepository services, Deployer deployer, ServiceRoutes routes,
            SourceLimits limits) {
        this.serviceName = serviceName;
        this.services = services;
        this.deployer = deployer;
        this.routes = routes;
        this.limits = limits;
    }

    @Override
    public void onPreReceive(ReceivePack pack, Collection<ReceiveCommand> commands) {
        var out = new PushOutput(pack);
        var service = services.find(serviceName);
        if (service.isEmpty()) {
            commands.forEach(c -> c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "service was deleted"));
            return;
        }
        var deployRef = Constants.R_HEADS + service.get().source().branch();
        for (var command : commands) {
            if (!command.getRefName().equals(deployRef)) {
                out.step("Accepted " + command.getRefName() + "; only " + deployRef + " deploys");
            } else if (command.getType() == ReceiveCommand.Type.DELETE) {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "the deploy branch cannot be deleted");
            } else {
                deploy(pack, command, service.get(), out);
            }
        }
    }

    private void deploy(ReceivePack pack, ReceiveCommand command, Service service, PushOutput out) {
        var commit = command.getNewId().name();
        try {
            var revision = pack.getRevWalk().parseCommit(command.getNewId());
            try {
                new TreeCheck(pack.getRepository(), limits).check(revision);
            } catch (SourceFetchException e) {
                out.step("Push refused: " + e.getMessage());
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "unsafe repository (see above)");
                return;
            }
            var tree = revision.getTree();
            var directory = service.source().sourceDirectory();
            var project = ProjectDetector.detect(new GitTreeFiles(pack.getRepository(), tree, directory),
                    directory.isEmpty() ? "" : directory.endsWith("/") ? directory : directory + "/");
            project.problems().stream().filter(p -> !p.isError()).forEach(p -> out.detail(p.format()));
            if (project.hasErrors()) {
                out.step("Push refused: the project cannot be built");
                project.problems().stream().filter(ConfigProblem::isError).forEach(p -> out.detail(p.format()));
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "invalid project (see the errors above)");
                return;
            }
            out.step("Slipway: deploying " + service.name() + " at " + commit.substring(0, 12) + " (" + project.reason() + ")");
            var running = deployer.deploy(service, DeploymentTrigger.GIT_PUSH, Optional.of(commit), out,
                    new PushedBranch(pack.getRepository(), command));
            out.detail("Deployment " + running.deployment().number() + " (" + running.deployment().id() + ")");
            report(command, service, running.result().get(), out);
        } catch (IOException e) {
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "cannot read the pushed commit: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "Slipway is stopping");
        } catch (ExecutionException e) {
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "deployment failed: " + e.getCause());
        }
    }

    private void report(ReceiveCommand command, Service service, Deployment finished, PushOutput out) {
        if (finished.status().isSuccess()) {
            // The deployment moved the branch itself, just before traffic moved.
            command.setResult(ReceiveCommand.Result.OK);
            out.step("Deployed " + service.name() + " (deployment " + finished.number() + "): " + routes.url(service.name()));
            return;
        }
        out.step("Deployment " + finished.number() + " " + finished.status() + "; the previous version keeps serving");
        finished.reason().ifPresent(reason -> reason.lines().forEach(out::detail));
        command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON,
                "deployment " + finished.number() + " failed (see above)");
    }
}
