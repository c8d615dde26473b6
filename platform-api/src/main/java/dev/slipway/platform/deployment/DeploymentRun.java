package dev.slipway.platform.deployment;

import dev.slipway.build.image.BuildLog;
import dev.slipway.platform.service.Service;

/**
 * One deployment while it runs: moves it through its phases, timing each, and tells the listener.
 */
final class DeploymentRun implements BuildLog {

    private final Service service;
    private final Deployment deployment;
    private final DeploymentRepository deployments;
    private final DeploymentListener listener;
    private DeploymentPhase phase;
    private long phaseStartedNanos;

    DeploymentRun(Service service, Deployment deployment, DeploymentRepository deployments,
                  DeploymentListener listener) {
        this.service = service;
        this.deployment = deployment;
        this.deployments = deployments;
        this.listener = listener;
    }

    Service service() {
        return service;
    }

    Deployment deployment() {
        return deployment;
    }

    String id() {
        return deployment.id();
    }

    void enter(DeploymentPhase next) {
        endPhase();
        phase = next;
        phaseStartedNanos = System.nanoTime();
        deployments.enterPhase(deployment.id(), next);
        listener.phase(deployment, next);
    }

    void endPhase() {
        if (phase != null) {
            deployments.recordTiming(deployment.id(), phase, (System.nanoTime() - phaseStartedNanos) / 1_000_000);
        }
    }

    void note(String message) {
        listener.note(message);
    }

    @Override
    public void line(String buildPhase, String line) {
        listener.output(buildPhase, line);
    }
}
