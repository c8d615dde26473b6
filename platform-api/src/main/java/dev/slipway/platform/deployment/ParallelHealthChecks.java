package dev.slipway.platform.deployment;

import dev.slipway.platform.system.DaemonThreads;
import dev.slipway.build.image.Artifact;
import dev.slipway.platform.instance.InstanceLifecycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the health checks of a deployment's new instances at once, so N instances are ready
 * about as soon as one; the first failure ends the wait for the others.
 */
final class ParallelHealthChecks {

    private static final java.time.Duration CHECKS_STOP_WAIT = java.time.Duration.ofSeconds(30);

    private final InstanceLifecycle instances;

    ParallelHealthChecks(InstanceLifecycle instances) {
        this.instances = instances;
    }

    /** @throws DeploymentFailedException naming the instance that failed and why */
    void awaitAll(List<Release.Started> started, Artifact artifact, DeploymentRun run) throws InterruptedException {
        if (started.size() == 1) {
            check(started.get(0), artifact, run, false);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(started.size(), DaemonThreads.named("health-" + run.id() + "-"));
        var completion = new ExecutorCompletionService<Void>(pool);
        var futures = new ArrayList<Future<Void>>();
        try {
            for (var s : started) {
                futures.add(completion.submit(() -> {
                    check(s, artifact, run, true);
                    return null;
                }));
            }
            for (int i = 0; i < started.size(); i++) {
                try {
                    completion.take().get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            futures.forEach(f -> f.cancel(true));
            pool.shutdownNow();
            // A check still running could mark its instance healthy after the failed deployment stopped it.
            if (!pool.awaitTermination(CHECKS_STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new DeploymentFailedException("Health checks did not stop within " + CHECKS_STOP_WAIT.toSeconds()
                        + " s after the deployment ended them.");
            }
        }
    }

    private void check(Release.Started s, Artifact artifact, DeploymentRun run, boolean named)
            throws InterruptedException {
        Optional<String> unhealthy = instances.awaitHealthy(s.container(), artifact);
        if (unhealthy.isPresent()) {
            throw new DeploymentFailedException("Health check failed" + (named ? " for instance " + s.instance().id() : "")
                    + ": " + unhealthy.get());
        }
        instances.markHealthy(s.instance(), s.container(), false);
        run.note("Instance healthy at " + s.container().address());
    }
}
