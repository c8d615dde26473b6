package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import dev.slipway.build.image.Artifact;
import dev.slipway.config.InstanceSettings;
import dev.slipway.config.NetworkSection;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.runtime.ContainerState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs apps as Docker containers on the default bridge network. The router reaches each container
 * directly at its bridge address and the app's port, so no host port is published. Containers
 * carry Slipway's labels and keep running when Slipway stops; a restarted Slipway adopts them.
 */
public final class DockerContainerRuntime implements ContainerRuntime {

    public static final String LABEL_MANAGED = "dev.slipway.managed";
    public static final String LABEL_SERVICE = "dev.slipway.service";
    public static final String LABEL_DEPLOYMENT = "dev.slipway.deployment";
    public static final String LABEL_INSTANCE = "dev.slipway.instance";
    static final String LABEL_PORT = "dev.slipway.port";
    /** How long a container gets to exit after SIGTERM before it is killed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    private static final String NO_ADDRESS = "127.0.0.1:0";
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DockerContainerRuntime.class);

    private static final long BYTES_PER_MIB = 1024L * 1024;
    private static final long NANO_CPUS_PER_MILLICORE = 1_000_000L;

    private final DockerClient docker;
    private final Duration stopGrace;
    private volatile int hostCpus;

    public DockerContainerRuntime(DockerClient docker, Duration stopGrace, ContainerOutput output) {
        this.docker = docker;
        this.stopGrace = stopGrace;
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
        var run = artifact.run();
        try {
            var create = docker.createContainerCmd(artifact.reference())
                    .withName(containerName(spec))
                    .withLabels(Map.of(LABEL_MANAGED, "true", LABEL_SERVICE, spec.service(),
                            LABEL_DEPLOYMENT, spec.deploymentId(), LABEL_INSTANCE, spec.instanceId(), LABEL_PORT, Integer.toString(run.port())))
                    .withEnv(environment(run.env(), run.portEnv(), run.port()))
                    .withHostConfig(limits(HostConfig.newHostConfig().withInit(true), run.instance()));
            run.command().ifPresent(command -> create.withEntrypoint("sh", "-c", command).withCmd(List.of()));
            var id = create.exec().getId();
            docker.startContainerCmd(id).exec();
            var address = addressOrNone(docker.inspectContainerCmd(id).exec(), run.port());
            log.info("Started container {} for {} (deployment {}) at {}", shortId(id), spec.service(),
                    spec.deploymentId(), address);
            return new Container(id, spec.service(), spec.deploymentId(), spec.instanceId(), address);
        } catch (NotFoundException e) {
            throw new ContainerStartException("image " + artifact.reference() + " is not on this Docker host: "
                    + e.getMessage(), e);
        } catch (DockerException e) {
            throw new ContainerStartException("Docker could not start " + artifact.reference() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ContainerState state(String instanceId) {
        try {
            var state = docker.inspectContainerCmd(instanceId).exec().getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                return ContainerState.RUNNING;
            }
            var exit = state.getExitCodeLong();
            return exit == null ? ContainerState.GONE : ContainerState.exited(exit.intValue());
        } catch (NotFoundException e) {
            return ContainerState.GONE;
        }
    }

    @Override
    public List<String> logTail(String instanceId, int lines) {
        var collected = new ArrayList<String>();
        var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                var text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                text.lines().forEach(collected::add);
            }
        };
        try {
            docker.logContainerCmd(instanceId).withStdOut(true).withStdErr(true).withTail(lines).exec(callback)
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
    public void stop(String instanceId) {
        try {
            docker.stopContainerCmd(instanceId).withTimeout((int) stopGrace.toSeconds()).exec();
        } catch (NotFoundException e) {
            return;
        } catch (NotModifiedException e) {
            // Already stopped.
        }
        try {
            docker.removeContainerCmd(instanceId).withForce(true).exec();
        } catch (NotFoundException e) {
            // Removed meanwhile.
        }
        log.info("Stopped container {}", shortId(instanceId));
    }

    @Override
    public void watchExits(ContainerExitListener listener) {
    }

    @Override
    public List<Container> list() {
        var containers = docker.listContainersCmd().withLabelFilter(Map.of(LABEL_MANAGED, "true")).exec();
        var instances = new ArrayList<Container>();
        for (var container : containers) {
            var labels = container.getLabels();
            try {
                var port = Integer.parseInt(labels.getOrDefault(LABEL_PORT, Integer.toString(NetworkSection.DEFAULT_PORT)));
                var address = address(docker.inspectContainerCmd(container.getId()).exec(), port);
                instances.add(new Container(container.getId(), labels.get(LABEL_SERVICE),
                        labels.get(LABEL_DEPLOYMENT), labels.get(LABEL_INSTANCE), address));
            } catch (NotFoundException | ContainerStartException e) {
                // Gone or without an address: not an instance that could serve.
            }
        }
        return instances;
    }

    /**
     * {@code slipway.instance} as Docker limits: memory as given (swap included, so the app cannot
     * grow past it), CPU capped at what the Docker host has, since Docker refuses more.
     */
    private HostConfig limits(HostConfig config, InstanceSettings instance) {
        var memory = (long) instance.memoryMib() * BYTES_PER_MIB;
        var nanoCpus = Math.min((long) instance.cpuMillicores() * NANO_CPUS_PER_MILLICORE,
                (long) hostCpus() * NANO_CPUS_PER_MILLICORE * 1000);
        return config.withMemory(memory).withMemorySwap(memory).withNanoCPUs(nanoCpus);
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

    private static List<String> environment(Map<String, String> appEnv, Optional<String> portEnv, int port) {
        var env = new ArrayList<String>();
        appEnv.forEach((name, value) -> env.add(name + "=" + value));
        env.add(NetworkSection.PORT_VARIABLE + "=" + port);
        portEnv.ifPresent(name -> env.add(name + "=" + port));
        return env;
    }

    private static String address(InspectContainerResponse container, int port) {
        var networks = container.getNetworkSettings().getNetworks();
        var ip = networks.values().stream()
                .map(n -> n.getIpAddress())
                .filter(a -> a != null && !a.isEmpty())
                .findFirst()
                .orElseThrow(() -> new ContainerStartException("container " + shortId(container.getId())
                        + " has no network address"));
        return ip + ":" + port;
    }

    /**
     * A container that already exited has no address; it gets one that refuses connections, and
     * the health check reports the exit from the container's state.
     */
    private static String addressOrNone(InspectContainerResponse container, int port) {
        try {
            return address(container, port);
        } catch (ContainerStartException e) {
            return NO_ADDRESS;
        }
    }

    private static String containerName(ContainerSpec spec) {
        return "slipway-" + spec.service() + "-" + spec.instanceId() + "-" + Long.toString(System.nanoTime(), 36);
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
