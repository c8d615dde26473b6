package dev.slipway.platform.deployment;

import dev.slipway.platform.system.DaemonThreads;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes queued deployments from the database as soon as their service has none running, and runs
 * each on its own thread. A deployment that this process does not run but the database says is
 * running (its ending could not be recorded) is ended after a while, so none stays in progress
 * forever.
 */
@Component
class DeploymentQueue implements SmartLifecycle {

    /** How often the queue is looked at when nothing wakes it. */
    static final Duration POLL = Duration.ofSeconds(2);
    /** How long a deployment may be running without a thread here before it is ended. */
    static final Duration ORPHANED = Duration.ofMinutes(1);
    /** How long a stopping Slipway waits for its running deployments to record their end. */
    static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(DeploymentQueue.class);

    private final DeploymentRepository deployments;
    private final DeploymentExecution execution;
    private final Map<String, DeploymentTask> tasks = new ConcurrentHashMap<>();
    private final Set<String> executing = ConcurrentHashMap.newKeySet();
    private final ExecutorService runners = Executors.newCachedThreadPool(DaemonThreads.named("deploy-"));
    private final Object signal = new Object();
    private final Object registration = new Object();
    private volatile boolean woken;
    private volatile Thread dispatcher;

    DeploymentQueue(DeploymentRepository deployments, DeploymentExecution execution) {
        this.deployments = deployments;
        this.execution = execution;
    }

    /** Deployments asked for or running in this process, by id. */
    Map<String, DeploymentTask> tasks() {
        return tasks;
    }

    /**
     * Queues a deployment ({@code create} inserts it) with the task that waits for it, so the
     * deployment is never taken before its task is known.
     */
    Deployment register(DeploymentTask task, java.util.function.Supplier<Deployment> create) {
        synchronized (registration) {
            var deployment = create.get();
            tasks.put(deployment.id(), task);
            wake();
            return deployment;
        }
    }

    /** Starts taking deployments; called once Slipway picked up where it left off. */
    @Override
    public void start() {
        var thread = new Thread(this::dispatch, "deployment-queue");
        thread.setDaemon(true);
        dispatcher = thread;
        thread.start();
    }

    /** Something was queued or ended: look at the queue now. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** A queued deployment ended without running (cancelled): its waiter learns how. */
    void ended(String deploymentId) {
        var task = tasks.remove(deploymentId);
        if (task != null) {
            task.end();
            deployments.find(deploymentId).ifPresent(task.result()::complete);
        }
    }

    /**
     * Interrupts the deployments that run (they end {@code FAILED}; the previous version keeps
     * serving) and waits a little for them to record it; queued ones stay queued for the next start.
     * Runs before the web server waits for requests in flight, so a push that waits for its
     * deployment gets its answer at once.
     */
    @Override
    public void stop() {
        var thread = dispatcher;
        dispatcher = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        executing.forEach(id -> {
            var task = tasks.get(id);
            if (task != null) {
                task.stopForShutdown();
            }
        });
        runners.shutdown();
        try {
            if (!runners.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("Deployments still ran {} s after Slipway began to stop; the next start ends them",
                        STOP_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }

    /** Started by {@link DeploymentRecovery}, once what ran before is picked up. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    private void dispatch() {
        long lastSweep = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var claimed = deployments.claimNext();
                if (claimed.isPresent()) {
                    launch(claimed.get());
                    continue;
                }
                if (System.nanoTime() - lastSweep > ORPHANED.toNanos()) {
                    lastSweep = System.nanoTime();
                    execution.endOrphans(executing, ORPHANED);
                }
                synchronized (signal) {
                    if (!woken) {
                        signal.wait(POLL.toMillis());
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                log.warn("Could not take a deployment from the queue; trying again in {} s: {}", POLL.toSeconds(),
                        e.toString());
                sleepQuietly();
            }
        }
    }

    private void launch(Deployment deployment) {
        DeploymentTask task;
        synchronized (registration) {
            task = tasks.computeIfAbsent(deployment.id(), id -> new DeploymentTask(DeploymentListener.NULL,
                    BranchUpdate.NONE));
        }
        executing.add(deployment.id());
        try {
            runners.execute(() -> run(deployment, task));
        } catch (RejectedExecutionException e) {
            // Slipway began to stop after it took the deployment: it waits for the next start.
            executing.remove(deployment.id());
            deployments.requeue(deployment.id());
        }
    }

    private void run(Deployment deployment, DeploymentTask task) {
        var finished = deployment;
        try {
            finished = execution.run(deployment, task);
        } finally {
            executing.remove(deployment.id());
            tasks.remove(deployment.id());
            task.end();
            Thread.interrupted(); // a late cancel must not leak into this thread's next deployment
            task.result().complete(finished);
            wake();
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
