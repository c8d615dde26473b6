package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.runtime.ListeningSocket;
import dev.slipway.platform.system.DaemonThreads;
import dev.slipway.platform.runtime.ContainerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs apps as Docker containers on the default bridge network. The router reaches each container
 * directly at its bridge address and the app's port, so no host port is published. Containers
 * carry Slipway's labels and keep running when Slipway stops; a restarted Slipway adopts them.
 * Their ends come from Docker's event stream, their output from their followed logs.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

    public static final String LABEL_MANAGED = "dev.slipway.managed";
    public static final String LABEL_SERVICE = "dev.slipway.service";
    public static final String LABEL_DEPLOYMENT = "dev.slipway.deployment";
    public static final String LABEL_INSTANCE = "dev.slipway.instance";
    /**
     * Which Slipway installation (home) a container belongs to, so Slipways sharing a Docker daemon
     * (a test run next to {@code make run}) never adopt, stop or report each other's containers.
     * A runtime of one installation sees only its own; one made without an installation sees all.
     */
    public static final String LABEL_INSTALLATION = "dev.slipway.installation";
    /** How long a container gets to exit after SIGTERM before it is killed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);

    private final DockerClient docker;
    private final String installation;
    private final CompanyNetwork network;
    private final Duration stopGrace;
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-docker-watch-"));
    private final ContainerWatches watches;
    private final ExitWatcher exits;
    private final ContainerInsides insides;
    private volatile int hostCpus;

    /**
     * A runtime whose calls, events and logs all go through {@code docker}. If that client times
     * out responses, quiet event and log streams end and are followed again; the constructor
     * taking {@link DockerClients} spares that.
     */
    public DockerContainerRuntime(DockerClient docker, Duration stopGrace, ContainerOutput output) {
        this(docker, docker, null, stopGrace, output, CompanyNetwork.NONE);
    }

    /** A runtime that follows events and logs on the streaming client, which never times them out. */
    public DockerContainerRuntime(DockerClients clients, Duration stopGrace, ContainerOutput output) {
        this(clients.control(), clients.streaming(), null, stopGrace, output, CompanyNetwork.NONE);
    }

    /** A runtime that sees only the containers of one installation ({@link #LABEL_INSTALLATION}). */
    public DockerContainerRuntime(DockerClients clients, String installation, Duration stopGrace,
                                  ContainerOutput output) {
        this(clients.control(), clients.streaming(), installation, stopGrace, output, CompanyNetwork.NONE);
    }

    /**
     * A runtime of one installation whose containers get the company network's trust files
     * (read-only at {@code /opt/slipway/trust}) and variables, and its proxies when apps get them.
     */
    public DockerContainerRuntime(DockerClients clients, String installation, Duration stopGrace,
                                  ContainerOutput output, CompanyNetwork network) {
        this(clients.control(), clients.streaming(), installation, stopGrace, output, network);
    }

    private DockerContainerRuntime(DockerClient docker, DockerClient streams, String installation, Duration stopGrace,
                                   ContainerOutput output, CompanyNetwork network) {
        this.docker = docker;
        this.insides = new ContainerInsides(docker);
        this.installation = installation;
        this.network = network;
        this.stopGrace = stopGrace;
        this.watches = new ContainerWatches(docker, streams, output, scheduler);
        // Only containers this runtime started or adopted are watched, so others' events are ignored.
        this.exits = new ExitWatcher(docker, streams, watches, () -> DockerStates.running(docker, installation),
                scheduler);
    }

    /** Whether a container with these labels belongs to the installation (null: every installation). */
    static boolean ours(java.util.Map<String, String> labels, String installation) {
        return installation == null || (labels != null && installation.equals(labels.get(LABEL_INSTALLATION)));
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public Container start(ContainerSpec spec) {
        var artifact = spec.artifact();
        if (artifact.kind() != Artifact.Kind.IMAGE) {
            throw new ContainerStartException("the Docker runtime runs images, not the app directory "
                    + artifact.reference() + "; redeploy to build an image");
        }
        String id;
        try {
            id = ContainerSettings.apply(docker.createContainerCmd(artifact.reference()), spec, hostCpus(),
                    installation, network).exec().getId();
        } catch (NotFoundException e) {
            throw new ContainerStartException("image " + artifact.reference() + " is not on this Docker host: "
                    + e.getMessage(), e);
        } catch (DockerException e) {
            throw new ContainerStartException("Docker could not create a container of " + artifact.reference() + ": "
                    + e.getMessage(), e);
        }
        var watch = watches.starting(id);
        try {
            docker.startContainerCmd(id).exec();
            var address = DockerStates.address(docker.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks(),
                    artifact.run().port()).orElse(DockerStates.NO_ADDRESS);
            var container = new Container(id, spec.service(), spec.deploymentId(), spec.instanceId(), address);
            watches.started(watch, container);
            log.info("Started container {} for {} (deployment {}, instance {}) at {}", DockerStates.shortId(id),
                    spec.service(), spec.deploymentId(), spec.instanceId(), address);
            return container;
        } catch (DockerException e) {
            watches.failed(watch, id);
            removeQuietly(id);
            throw new ContainerStartException("Docker could not start " + artifact.reference() + ": " + e.getMessage(), e);
        }
    }

    /** Whether it runs; a container the kernel killed for its memory ended {@code killed, out of memory}. */
    @Override
    public ContainerState state(String containerId) {
        return DockerStates.current(docker, containerId);
    }

    @Override
    public List<String> logTail(String containerId, int lines) {
        var collected = Collections.synchronizedList(new ArrayList<String>());
        var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(collected::add);
            }
        };
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(lines).exec(callback)
                    .awaitCompletion(LOG_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (NotFoundException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (collected) {
            return List.copyOf(collected);
        }
    }

    @Override
    public Optional<List<ListeningSocket>> listeningSockets(String containerId) {
        return insides.listeningSockets(containerId);
    }

    @Override
    public String commandSource(String containerId) {
        return insides.commandSource(containerId);
    }

    @Override
    public void stop(String containerId) {
        // Before Docker is asked: the container's end must not be reported as a crash.
        watches.stopping(containerId);
        try {
            docker.stopContainerCmd(containerId).withTimeout((int) stopGrace.toSeconds()).exec();
        } catch (NotFoundException e) {
            return;
        } catch (NotModifiedException e) {
            // Already stopped.
        }
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException e) {
            // Removed meanwhile.
        }
        log.info("Stopped container {}", DockerStates.shortId(containerId));
    }

    /** Starts following Docker's events; the running containers this runtime did not start are adopted. */
    @Override
    public void watchExits(ContainerExitListener listener) {
        watches.reportTo(listener);
        exits.start();
    }

    /** The running containers that have an address; each one is adopted if it was not watched yet. */
    @Override
    public List<Container> list() {
        var containers = DockerStates.running(docker, installation).stream().filter(c -> !c.address().equals(DockerStates.NO_ADDRESS)).toList();
        containers.forEach(watches::adopt);
        return containers;
    }

    @Override
    public void close() {
        exits.close();
        watches.close();
        scheduler.shutdownNow();
    }

    private void removeQuietly(String containerId) {
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (DockerException e) {
            log.warn("Could not remove container {} that failed to start: {}", DockerStates.shortId(containerId),
                    e.getMessage());
        }
    }

    private int hostCpus() {
        var cpus = hostCpus;
        if (cpus == 0) {
            var reported = docker.infoCmd().exec().getNCPU();
            cpus = reported == null || reported < 1 ? 1 : reported;
            hostCpus = cpus;
        }
        return cpus;
    }
}
