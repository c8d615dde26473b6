package dev.slipway.build.image.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.network.TrustMaterial;
import dev.slipway.config.AppRunnerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Starts the hardened containers build commands run in: never privileged, no Docker socket,
 * {@code no-new-privileges}, a few capabilities dropped, limits on processes, CPU and memory, an
 * init process that reaps what commands leave behind, the service's dependency cache as the only
 * volume and, when the company network has extra CA certificates, their trust files as the only
 * host directory, read-only (a commit never includes a mount). No environment is set on the
 * container: whatever the commands need comes with each exec, so a commit cannot carry it into an
 * image.
 */
final class BuildContainers {

    /** Keeps the container alive between execs. */
    static final List<String> IDLE_COMMAND = List.of("sleep", "infinity");
    private static final String NAME_PREFIX = "slipway-";
    private static final int NAME_SUFFIX_LENGTH = 8;
    private static final long NANOS_PER_CPU = 1_000_000_000L;

    private final DockerClients clients;
    private final DependencyCache dependencyCache;
    private final BuildLimits limits;
    private final CompanyNetwork network;

    BuildContainers(DockerClients clients, BuildLimits limits, CompanyNetwork network) {
        this.clients = clients;
        this.dependencyCache = new DependencyCache(clients);
        this.limits = limits;
        this.network = network;
    }

    /**
     * Creates and starts a container from {@code imageId}.
     *
     * @param purpose e.g. {@code build} or {@code pre-run}: the container is named
     *                {@code slipway-<purpose>-<service>-<random>}
     * @param labels  added to the builder's own labels; the container config holds nothing else
     */
    BuildContainer start(String imageId, String purpose, Map<String, String> labels, BuildSession session) {
        session.checkpoint("starting a " + purpose + " container");
        var plan = session.plan();
        var allLabels = new LinkedHashMap<String, String>();
        allLabels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        allLabels.put(BuildLabels.KIND, ImageKind.BUILD_CONTAINER.label());
        allLabels.put(BuildLabels.SERVICE, plan.service());
        allLabels.put(BuildLabels.DEPLOYMENT, plan.deploymentId());
        allLabels.putAll(labels);
        var volume = dependencyCache.ensure(plan.service());
        var name = NAME_PREFIX + purpose + "-" + plan.service() + "-"
                + UUID.randomUUID().toString().substring(0, NAME_SUFFIX_LENGTH);
        var id = clients.control().createContainerCmd(imageId)
                .withName(name)
                .withCmd(IDLE_COMMAND)
                .withLabels(allLabels)
                .withTty(false)
                .withHostConfig(hostConfig(volume))
                .exec().getId();
        var container = new BuildContainer(clients, id);
        try {
            clients.control().startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        return container;
    }

    /**
     * What build commands see besides the image's own variables: the dependency cache settings,
     * then the company network's (trust files, proxies, package mirrors), then {@code build.env},
     * then the secret variables, a later one winning; a {@code JAVA_TOOL_OPTIONS} in
     * {@code build.env} is appended to the network's (see {@link CompanyNetwork#overlay}).
     */
    Map<String, String> environment(AppRunnerConfig config, Map<String, String> secrets) {
        var env = new LinkedHashMap<>(DependencyCache.ENVIRONMENT);
        env.putAll(network.buildEnvironment(TrustMaterial.CONTAINER_DIRECTORY));
        CompanyNetwork.overlay(env, config.buildEnvironment());
        env.putAll(secrets);
        return env;
    }

    /** Says in the build log what build commands get from the company network settings, values left out. */
    void describeNetwork(BuildSession session) {
        network.trust().ifPresent(trust -> session.log(BuildPhase.BASE, "build commands trust "
                + trust.extraCertificates() + " extra CA certificate(s) from " + CompanyNetwork.EXTRA_CA_CERTS
                + ", mounted read-only at " + TrustMaterial.CONTAINER_DIRECTORY + " and never part of an image"));
        var forwarded = new ArrayList<>(network.forwarded().proxies().keySet());
        forwarded.addAll(network.forwarded().indexes().keySet());
        if (!forwarded.isEmpty()) {
            session.log(BuildPhase.BASE, "build commands get " + String.join(", ", forwarded)
                    + " from Slipway's environment");
        }
    }

    private HostConfig hostConfig(String cacheVolume) {
        var cpus = Math.min(limits.cpus(), clients.hostCpus());
        var binds = new ArrayList<Bind>();
        binds.add(new Bind(cacheVolume, new Volume(Layout.DEPENDENCY_CACHE_DIRECTORY)));
        network.trustDirectory().ifPresent(directory -> binds.add(new Bind(directory.toString(),
                new Volume(TrustMaterial.CONTAINER_DIRECTORY), AccessMode.ro)));
        return ContainerHardening.apply(HostConfig.newHostConfig(), limits.pids())
                .withNanoCPUs((long) (cpus * NANOS_PER_CPU))
                .withMemory(limits.memoryBytes())
                .withMemorySwap(limits.memoryBytes())
                .withInit(true)
                .withBinds(binds);
    }
}
