package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the Docker build tests share: a daemon (each test is skipped with the reason when there is
 * none, or when a runtime image it needs is missing), a fresh service name per test, and clean-up
 * of every image, container and volume the test made. Images count as made by the test when they
 * carry the builder's label and did not exist before it started.
 */
abstract class DockerBuildTestSupport {

    static final String PYTHON_IMAGE = "slipway/runtime-python3:bookworm";
    static final String NODE_IMAGE = "slipway/runtime-nodejs18:bookworm";
    static final String JAVA_IMAGE = "slipway/runtime-java17:bookworm";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String TEST_LABEL = "dev.slipway.test";
    private static final int CLEANUP_ROUNDS = 10;

    static DockerClients clients;

    final String service = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> containers = new ArrayList<>();
    private Set<String> imagesBefore = Set.of();

    @BeforeAll
    static void connectWhenDockerAnswers() {
        if (clients == null && DockerClients.isAvailable()) {
            clients = DockerClients.connect();
        }
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    // Checked per test, not in @BeforeAll: the test reports then show each skip with its reason.
    @BeforeEach
    void requireDocker() {
        Assumptions.assumeTrue(clients != null,
                "no Docker daemon answers at DOCKER_HOST or the default socket; skipping Docker image builds");
        requireImage(PYTHON_IMAGE);
        imagesBefore = managedImageIds();
    }

    /** Skips the test, saying how to get the image, when the daemon lacks it. */
    static void requireImage(String image) {
        Assumptions.assumeTrue(isPresent(image),
                image + " is missing; run `make runtimes` to build the offline runtime images");
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        if (clients == null) {
            return;
        }
        containers.forEach(id -> quietly(() -> clients.control().removeContainerCmd(id).withForce(true).exec()));
        buildContainers().forEach(c -> quietly(() -> clients.control().removeContainerCmd(c.getId())
                .withForce(true).exec()));
        for (int round = 0; round < CLEANUP_ROUNDS; round++) {
            var made = new HashSet<>(managedImageIds());
            made.removeAll(imagesBefore);
            if (made.isEmpty()) {
                break;
            }
            for (var image : clients.control().listImagesCmd().withShowAll(true).exec()) {
                if (made.contains(image.getId())) {
                    var tags = image.getRepoTags() == null ? List.<String>of() : Arrays.asList(image.getRepoTags());
                    tags.stream().filter(tag -> !tag.startsWith("<none>"))
                            .forEach(tag -> quietly(() -> clients.control().removeImageCmd(tag).exec()));
                    quietly(() -> clients.control().removeImageCmd(image.getId()).exec());
                }
            }
        }
        quietly(() -> clients.control().removeVolumeCmd(DependencyCache.volumeName(service)).exec());
    }

    /** The default catalog: every runtime falls back to its offline image, as on a machine without a registry. */
    RuntimeCatalog catalog() {
        return RuntimeCatalog.defaults();
    }

    DockerImageBuilder builder() {
        return new DockerImageBuilder(clients, catalog());
    }

    BuildPlan plan(Path source, AppRunnerConfig config, String deployment) {
        return new BuildPlan(service, deployment, COMMIT, source, ProjectKind.APPRUNNER_YAML, Optional.of(config));
    }

    /** The builder's containers of this test's service, running or not. */
    List<Container> buildContainers() {
        return clients.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(BuildLabels.SERVICE, service)).exec();
    }

    /** Runs the image's own command (or {@code command}) to its end; returns exit code and output. */
    Run run(String image, String... command) {
        var create = clients.control().createContainerCmd(image).withLabels(Map.of(TEST_LABEL, service));
        if (command.length > 0) {
            create.withCmd(command);
        }
        var id = create.exec().getId();
        containers.add(id);
        clients.control().startContainerCmd(id).exec();
        var exitCode = clients.streaming().waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
        var output = new StringBuilder();
        try (var logs = clients.streaming().logContainerCmd(id).withStdOut(true).withStdErr(true)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                })) {
            logs.awaitCompletion(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return new Run(exitCode, output.toString());
    }

    /** A finished container: its exit code and its stdout and stderr together. */
    record Run(int exitCode, String output) {
    }

    /** Starts a container of the image with its own command; returns its IP address. */
    String start(String image) {
        var id = clients.control().createContainerCmd(image).withLabels(Map.of(TEST_LABEL, service)).exec().getId();
        containers.add(id);
        clients.control().startContainerCmd(id).exec();
        var networks = clients.control().inspectContainerCmd(id).exec().getNetworkSettings().getNetworks();
        return networks.values().iterator().next().getIpAddress();
    }

    static String get(String url) {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        var body = new String[1];
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            body[0] = response.body();
        });
        return body[0];
    }

    /** {@code docker history} of an image, as the daemon's JSON. */
    static String history(String image) {
        var http = ((DockerClientImpl) clients.control()).getHttpClient();
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET)
                .path("/images/" + image + "/history").build();
        try (var response = http.execute(request)) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The nearest image below {@code image} (or itself) labelled with {@code kind}. */
    static ImageInfo ancestor(String image, ImageKind kind) {
        var current = image;
        while (current != null && !current.isEmpty()) {
            var inspected = clients.control().inspectImageCmd(current).exec();
            var info = Images.info(inspected);
            if (kind.label().equals(info.labels().get(BuildLabels.KIND)) && !inspected.getRepoTags().isEmpty()) {
                return info;
            }
            current = inspected.getParent();
        }
        throw new AssertionError("no " + kind.label() + " image below " + image);
    }

    static Set<String> managedImageIds() {
        var ids = new HashSet<String>();
        clients.control().listImagesCmd().withShowAll(true).withLabelFilter(Map.of(BuildLabels.MANAGED, "true"))
                .exec().forEach(image -> ids.add(image.getId()));
        return ids;
    }

    static boolean isPresent(String image) {
        try {
            clients.control().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    static void quietly(Runnable removal) {
        try {
            removal.run();
        } catch (RuntimeException e) {
            // Gone already, or still used by something removed in a later round.
        }
    }
}
