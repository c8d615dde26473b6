package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.docker.ContainerHardening;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.network.TrustMaterial;
import dev.slipway.config.InstanceSettings;
import dev.slipway.config.NetworkSection;
import dev.slipway.platform.runtime.ContainerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How Slipway creates an app container: a readable unique name, Slipway's labels, the app's
 * environment with {@code PORT}, {@code slipway.instance} as limits, an init process, a bounded log
 * so a chatty app cannot fill the disk, and the {@link ContainerHardening} builds get too (no new
 * privileges, fewer capabilities, a process limit against fork bombs). With extra CA certificates the trust files are
 * mounted read-only and their variables set in the container's configuration, never the image's.
 */
final class ContainerSettings {

    static final String LABEL_PORT = "dev.slipway.port";
    /** The json-file log Docker keeps per container: at most two files of 10 MB. */
    static final Map<String, String> LOG_LIMITS = Map.of("max-size", "10m", "max-file", "2");
    /** Python buffers prints when not writing to a terminal; unbuffered, they reach the log at once. */
    static final String PYTHON_UNBUFFERED = "PYTHONUNBUFFERED";

    private static final long BYTES_PER_MIB = 1024L * 1024;
    private static final long NANO_CPUS_PER_MILLICORE = 1_000_000L;

    private ContainerSettings() {
    }

    /** Applies everything but the image to {@code create}. */
    static CreateContainerCmd apply(CreateContainerCmd create, ContainerSpec spec, int hostCpus, String installation,
                                    CompanyNetwork network) {
        var run = spec.artifact().run();
        var labels = new java.util.HashMap<>(Map.of(
                DockerContainerRuntime.LABEL_MANAGED, "true",
                DockerContainerRuntime.LABEL_SERVICE, spec.service(),
                DockerContainerRuntime.LABEL_DEPLOYMENT, spec.deploymentId(),
                DockerContainerRuntime.LABEL_INSTANCE, spec.instanceId(),
                LABEL_PORT, Integer.toString(run.port())));
        if (installation != null) {
            labels.put(DockerContainerRuntime.LABEL_INSTALLATION, installation);
        }
        create.withName(name(spec))
                .withLabels(labels)
                .withEnv(environment(run, network))
                .withHostConfig(limits(ContainerHardening.apply(HostConfig.newHostConfig().withInit(true),
                                ContainerHardening.APP_PIDS_LIMIT), run.instance(), hostCpus)
                        .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, LOG_LIMITS))
                        .withBinds(network.trustDirectory().map(directory -> List.of(new Bind(directory.toString(),
                                new Volume(TrustMaterial.CONTAINER_DIRECTORY), AccessMode.ro))).orElse(List.of())));
        run.command().ifPresent(command -> create.withEntrypoint("sh", "-c", command).withCmd(List.of()));
        return create;
    }

    /**
     * {@code slipway-<service>-<instance>-<random>}: the instance id is unique across services, and
     * the suffix tells apart the containers an instance gets when it is restarted.
     */
    static String name(ContainerSpec spec) {
        var suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
        return "slipway-" + spec.service() + "-" + spec.instanceId() + "-" + suffix;
    }

    /** The company network's variables, then {@code run.env} over them, then the port. */
    private static List<String> environment(RunSettings run, CompanyNetwork network) {
        var variables = new LinkedHashMap<>(network.appEnvironment(TrustMaterial.CONTAINER_DIRECTORY));
        CompanyNetwork.overlay(variables, run.env());
        var env = new ArrayList<String>();
        variables.forEach((name, value) -> env.add(name + "=" + value));
        if (!run.env().containsKey(PYTHON_UNBUFFERED)) {
            env.add(PYTHON_UNBUFFERED + "=1");
        }
        env.add(NetworkSection.PORT_VARIABLE + "=" + run.port());
        run.portEnv().ifPresent(name -> env.add(name + "=" + run.port()));
        return env;
    }

    /**
     * Memory as given (swap included, so the app cannot grow past it), CPU capped at what the
     * Docker host has, since Docker refuses more.
     */
    private static HostConfig limits(HostConfig config, InstanceSettings instance, int hostCpus) {
        var memory = (long) instance.memoryMib() * BYTES_PER_MIB;
        var nanoCpus = Math.min((long) instance.cpuMillicores() * NANO_CPUS_PER_MILLICORE,
                (long) hostCpus * NANO_CPUS_PER_MILLICORE * 1000);
        return config.withMemory(memory).withMemorySwap(memory).withNanoCPUs(nanoCpus);
    }
}
