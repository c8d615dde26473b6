package dev.slipway.platform.support;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.build.image.docker.DockerClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Trains the sentiment example's model for real, with scikit-learn in the offline runtime image. */
public final class ModelTraining {

    public static final String SKLEARN_IMAGE = "slipway/runtime-python3-sklearn:bookworm";
    private static final long TIMEOUT_SECONDS = 300;

    private ModelTraining() {
    }

    /** Runs {@code examples/sentiment-python/train.py} in a container; returns the model file's bytes. */
    public static byte[] trainSentimentModel(Path workDirectory) {
        try {
            Files.copy(Examples.directory("sentiment-python").resolve("train.py"), workDirectory.resolve("train.py"));
            try (var clients = DockerClients.connect()) {
                var docker = clients.streaming();
                var container = docker.createContainerCmd(SKLEARN_IMAGE)
                        .withCmd("python3", "/work/train.py", "/work/sentiment.joblib")
                        .withHostConfig(HostConfig.newHostConfig()
                                .withBinds(new Bind(workDirectory.toAbsolutePath().toString(), new Volume("/work"))))
                        .exec().getId();
                try {
                    docker.startContainerCmd(container).exec();
                    var exit = docker.waitContainerCmd(container).start()
                            .awaitStatusCode(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    if (exit != 0) {
                        throw new IllegalStateException("train.py exited with " + exit);
                    }
                } finally {
                    docker.removeContainerCmd(container).withForce(true).exec();
                }
            }
            return Files.readAllBytes(workDirectory.resolve("sentiment.joblib"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
