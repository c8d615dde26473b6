package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.model.ModelSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Build commands run in hardened containers, and secrets reach them only as exec environment:
 * never a container's or an image's configuration, labels or history, nor the log.
 */
class BuildSecurityIT extends DockerBuildTestSupport {

    private static final String SECRET = "s3cr3t-t0ken-value-1234";
    private static final long MEMORY = 512L * 1024 * 1024;
    private static final long PIDS = 300;
    private static final double CPUS = 1.5;
    private static final long CFS_PERIOD = 100_000;

    @Test
    void aSecretReachesBuildCommandsButNoImageContainerConfigOrLog() throws Exception {
        var config = DockerImageBuilderIT.revised(TestConfigs.python(TestConfigs.build(List.of(),
                List.of("echo length ${#MODEL_TOKEN}; echo $MODEL_TOKEN; echo waiting; sleep 3"), List.of(),
                List.of()), List.of("test \"$MODEL_TOKEN\" = " + SECRET), List.of()));
        var plan = plan(TestConfigs.HELLO_PYTHON, config, "d1").withModels(ModelSet.EMPTY,
                Map.of("MODEL_TOKEN", SECRET));
        var log = new RecordingLog();

        var build = CompletableFuture.supplyAsync(() -> builder().buildWithReport(plan, log));
        var container = runningBuildContainer(log);
        var result = build.get();

        assertThat(log.lines(Stream.STDOUT)).contains(new Line("build", "length " + SECRET.length()),
                new Line("build", "****"));
        assertThat(log.dump()).doesNotContain(SECRET);
        assertThat(container.getConfig().getEnv()).noneMatch(variable -> variable.contains(SECRET));
        assertThat(container.getConfig().getLabels().values()).noneMatch(value -> value.contains(SECRET));
        var finalImage = result.artifact().reference();
        var buildImage = ImageKind.BUILD.tag(result.report().buildKey().orElseThrow());
        var preRunImage = ancestor(finalImage, ImageKind.PRE_RUN).id();
        for (var image : List.of(finalImage, buildImage, preRunImage)) {
            var inspected = clients.control().inspectImageCmd(image).exec();
            assertThat(environment(inspected)).as(image).noneMatch(variable -> variable.contains(SECRET));
            assertThat(inspected.getConfig().getLabels().values()).as(image).noneMatch(v -> v.contains(SECRET));
            assertThat(history(image)).as(image).doesNotContain(SECRET).doesNotContain("MODEL_TOKEN");
        }
    }

    @Test
    void buildContainersRunUnprivilegedWithLimitsAndWithoutTheDockerSocket() throws Exception {
        var limits = new BuildLimits(Duration.ofMinutes(5), CPUS, MEMORY, PIDS);
        var builder = new DockerImageBuilder(clients, catalog(), limits);
        var check = String.join("; ",
                "echo memory $(cat /sys/fs/cgroup/memory/memory.limit_in_bytes)",
                "echo pids $(cat /sys/fs/cgroup/pids/pids.max)",
                "echo quota $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)",
                "grep NoNewPrivs /proc/self/status",
                "test -e /var/run/docker.sock && echo socket present || echo no socket",
                "echo waiting; sleep 3");
        var log = new RecordingLog();

        var build = CompletableFuture.supplyAsync(() -> builder.build(plan(TestConfigs.HELLO_PYTHON,
                TestConfigs.buildingWith(check), "d1"), log));
        var container = runningBuildContainer(log);
        build.get();

        assertThat(log.lines(Stream.STDOUT)).extracting(Line::text).contains(
                "memory " + MEMORY, "pids " + PIDS, "quota " + (long) (CPUS * CFS_PERIOD), "no socket")
                .anySatisfy(text -> assertThat(text).matches("NoNewPrivs:\\s+1"));
        var host = container.getHostConfig();
        assertThat(host.getPrivileged()).isFalse();
        assertThat(host.getSecurityOpts()).contains(ContainerHardening.NO_NEW_PRIVILEGES);
        assertThat(host.getPidsLimit()).isEqualTo(PIDS);
        assertThat(host.getMemory()).isEqualTo(MEMORY);
        assertThat(host.getMemorySwap()).isEqualTo(MEMORY);
        assertThat(host.getNanoCPUs()).isEqualTo((long) (CPUS * 1_000_000_000L));
        assertThat(container.getMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getName()).isEqualTo(DependencyCache.volumeName(service));
            assertThat(Objects.requireNonNull(mount.getDestination()).getPath())
                    .isEqualTo(Layout.DEPENDENCY_CACHE_DIRECTORY);
        });
        assertThat(container.getConfig().getLabels()).containsEntry(BuildLabels.MANAGED, "true")
                .containsEntry(BuildLabels.KIND, "build-container")
                .containsEntry(BuildLabels.SERVICE, service)
                .containsEntry(BuildLabels.DEPLOYMENT, "d1")
                .containsKey(BuildLabels.BUILD_KEY);
        assertThat(buildContainers()).as("removed after the build").isEmpty();
    }

    @Test
    void theCpuLimitIsCappedAtTheHostsCpus() {
        var limits = new BuildLimits(Duration.ofMinutes(5), 1000, MEMORY, PIDS);
        var log = new RecordingLog();

        new DockerImageBuilder(clients, catalog(), limits).build(plan(TestConfigs.HELLO_PYTHON,
                TestConfigs.buildingWith("echo quota $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us)"), "d1"), log);

        assertThat(log.lines(Stream.STDOUT)).extracting(Line::text)
                .containsExactly("quota " + clients.hostCpus() * CFS_PERIOD);
    }

    /** Waits until a build command says "waiting", then inspects the container it runs in. */
    private InspectContainerResponse runningBuildContainer(RecordingLog log) {
        await().atMost(Duration.ofSeconds(60)).until(() -> log.texts().contains("waiting"));
        var containers = buildContainers();
        assertThat(containers).hasSize(1);
        return clients.control().inspectContainerCmd(containers.get(0).getId()).exec();
    }

    private static List<String> environment(InspectImageResponse image) {
        var all = new ArrayList<String>();
        for (var config : Arrays.asList(image.getConfig(), image.getContainerConfig())) {
            if (config != null && config.getEnv() != null) {
                all.addAll(List.of(config.getEnv()));
            }
        }
        return all;
    }
}
