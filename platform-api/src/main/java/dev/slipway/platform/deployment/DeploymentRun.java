package dev.slipway.platform.deployment;

import dev.slipway.build.image.BuildLog;
import dev.slipway.platform.logs.DeploymentLog;
import dev.slipway.platform.service.Service;

/**
 * One deployment while it runs: moves it through its phases, timing each, and tells the listener.
 */
final class DeploymentRun implements BuildLog {

    private static final String SYSTEM = "system";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeploymentRun.class);

    private final Service service;
    private final Deployment deployment;
    private final DeploymentRepository deployments;
    private final DeploymentListener listener;
    private final DeploymentLog log;
    private final DeploymentTask task;
    private DeploymentPhase phase;
    private boolean bookkeepingFailed;
    private long phaseStartedNanos;

    DeploymentRun(Service service, Deployment deployment, DeploymentRepository deployments,
                  DeploymentListener listener, DeploymentLog log, DeploymentTask task) {
        this.service = service;
        this.deployment = deployment;
        this.deployments = deployments;
        this.listener = listener;
        this.log = log;
        this.task = task;
    }

    /**
     * Called just before traffic moves: from here on the deployment can no longer be cancelled.
     *
     * @throws InterruptedException when it was cancelled first
     */
    void commitToSwitch() throws InterruptedException {
        if (!task.commit()) {
            throw new InterruptedException("cancelled");
        }
    }

    /** Values that must not appear in the log or the push output from now on. */
    void maskSecrets(java.util.Collection<String> secrets) {
        log.maskSecrets(secrets);
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
        bookkeeping(() -> deployments.enterPhase(deployment.id(), next));
        bookkeeping(() -> log.write(next.words(), SYSTEM, "-----> " + next.words()));
        listener.phase(deployment, next);
    }

    void endPhase() {
        if (phase != null) {
            var millis = (System.nanoTime() - phaseStartedNanos) / 1_000_000;
            bookkeeping(() -> deployments.recordTiming(deployment.id(), phase, millis));
        }
    }

    /** The text with every secret of this deployment masked, e.g. a failure reason quoting build output. */
    String mask(String text) {
        return log.mask(text);
    }

    /** A line for the stored log only (the push output reports the outcome itself). */
    void record(String message) {
        bookkeeping(() -> log.write(phase == null ? "deployment" : phase.words(), SYSTEM, message));
    }

    void note(String message) {
        var text = log.mask(message);
        bookkeeping(() -> log.write(phase == null ? "deployment" : phase.words(), SYSTEM, message));
        listener.note(text);
    }

    @Override
    public void line(String buildPhase, Stream stream, String text) {
        var masked = log.mask(text);
        bookkeeping(() -> log.write(buildPhase, stream.name().toLowerCase(java.util.Locale.ROOT), text));
        listener.output(buildPhase, masked);
    }

    /**
     * Phases, timings and log lines are a record of the deployment, not its course: a database or
     * disk that fails to take one is logged, and the deployment goes on (and still ends with a status).
     */
    private void bookkeeping(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            if (!bookkeepingFailed) {
                bookkeepingFailed = true;
                LOG.warn("Deployment {}: could not record its progress ({}); it goes on", deployment.id(), e.toString());
            }
        }
    }
}
