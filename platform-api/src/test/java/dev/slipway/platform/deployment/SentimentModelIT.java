package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.model.S3TestServer;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.DockerSupport;
import dev.slipway.platform.support.ModelTraining;
import dev.slipway.platform.support.RunningSlipway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ML example end to end on real pieces: a scikit-learn model trained by the example's own
 * script, put into an S3-compatible store, declared in apprunner.yaml, fetched by the build and
 * served by the app's predict endpoint. A code-only change downloads no model byte and keeps the
 * image layer that holds the model.
 */
class SentimentModelIT {

    private static final String BUCKET = "slipway-examples";
    private static final String KEY = "sentiment/v1/sentiment.joblib";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    @TempDir
    Path work;

    @TempDir
    Path training;

    private final List<String> deploymentIds = new ArrayList<>();

    @BeforeEach
    void needsDockerAndScikitLearn() {
        DockerSupport.assumeDockerWithPythonRuntime();
        try (var clients = DockerClients.connect()) {
            clients.control().inspectImageCmd(ModelTraining.SKLEARN_IMAGE).exec();
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            Assumptions.abort("Image " + ModelTraining.SKLEARN_IMAGE + " is missing; run `make runtimes` to build it");
        }
    }

    @AfterEach
    void removeWhatTheServiceLeft() {
        DockerSupport.removeServices(List.of("sentiment"), deploymentIds);
    }

    @Test
    void servesPredictionsFromAModelFetchedFromS3AndRebuildsCodeWithoutTouchingIt() throws Exception {
        var model = ModelTraining.trainSentimentModel(training);
        Files.writeString(home.resolve("runtimes.properties"), "python311 = " + ModelTraining.SKLEARN_IMAGE + "\n");
        try (var s3 = S3TestServer.start(); var slipway = RunningSlipway.start(home, "docker")) {
            s3.createBucket(BUCKET);
            s3.put(BUCKET, KEY, model);
            var created = slipway.api().post("/api/v1/services", Map.of("name", "sentiment", "s3", Map.of(
                    "endpoint", s3.endpoint().toString(),
                    "accessKeyId", S3TestServer.ACCESS_KEY_ID, "secretAccessKey", S3TestServer.SECRET_ACCESS_KEY)));
            assertThat(created.status()).isEqualTo(201);
            var app = AppRepository.fromExample("sentiment-python", work);
            try {
                var first = app.push(slipway.gitUrl("sentiment"), RunningSlipway.TOKEN);
                assertThat(first.accepted()).as(first.text()).isTrue();
                assertThat(first.text()).contains("Fetching models");

                assertThat(predict(slipway, "what a wonderful and delightful experience")).isEqualTo("positive");
                assertThat(predict(slipway, "terrible service, a waste of money")).isEqualTo("negative");
                var deployment = slipway.api().latestDeployment("sentiment");
                var recorded = deployment.get("models").get(0);
                assertThat(recorded.get("uri").asString()).isEqualTo("s3://" + BUCKET + "/" + KEY);
                assertThat(recorded.get("version").asString()).isEqualTo(s3.etag(BUCKET, KEY).replace("\"", ""));
                assertThat(recorded.get("sha256").asString()).isEqualTo(sha256(model));
                assertThat(recorded.get("size").asLong()).isEqualTo(model.length);
                assertThat(recorded.get("target").asString()).isEqualTo("models/sentiment.joblib");
                assertThat(s3.downloads(BUCKET, KEY)).isEqualTo(1);

                app.edit("app.py", "MAX_BODY = 64 * 1024", "MAX_BODY = 32 * 1024").commit("Smaller requests");
                var second = app.push(slipway.gitUrl("sentiment"), RunningSlipway.TOKEN);

                assertThat(second.accepted()).as(second.text()).isTrue();
                assertThat(second.text()).contains("0 bytes downloaded");
                assertThat(s3.downloads(BUCKET, KEY)).as("model downloads after a code-only change").isEqualTo(1);
                assertThat(predict(slipway, "I am very happy with it")).isEqualTo("positive");
                var images = slipway.api().deployments("sentiment").stream().map(d -> d.get("image").asString()).toList();
                assertThat(modelLayer(images.get(0))).as("the layer holding the model, after the code-only change")
                        .isEqualTo(modelLayer(images.get(1)));
                assertThat(images.get(0)).isNotEqualTo(images.get(1));
            } finally {
                slipway.api().deployments("sentiment").forEach(d -> deploymentIds.add(d.get("id").asString()));
            }
        }
    }

    private static String predict(RunningSlipway slipway, String text) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slipway.routerPort() + "/predict"))
                .header("Host", "sentiment.localhost")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text)))).build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("label").asString();
    }

    /** The first layer above the runtime image's own: where the build puts the models. */
    private static String modelLayer(String imageId) {
        try (var clients = DockerClients.connect()) {
            var docker = clients.control();
            var runtime = docker.inspectImageCmd(ModelTraining.SKLEARN_IMAGE).exec().getRootFS().getLayers();
            var layers = docker.inspectImageCmd(imageId).exec().getRootFS().getLayers();
            assertThat(layers.subList(0, runtime.size())).isEqualTo(runtime);
            return layers.get(runtime.size());
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
