package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running build container. Closing it kills and removes it whatever happened, also when the
 * building thread was interrupted: that is how a timed-out or cancelled command is stopped.
 */
final class BuildContainer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BuildContainer.class);

    private final DockerClients clients;
    private final String id;

    BuildContainer(DockerClients clients, String id) {
        this.clients = clients;
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Extracts {@code tar} into {@code directory}, which must exist in the container. */
    void copy(ContextTar tar, String directory, BuildSession session) {
        session.checkpoint("copying the source into the build container");
        try (var pipe = new ContextPipe(tar, id)) {
            clients.streaming().copyArchiveToContainerCmd(id)
                    .withRemotePath(directory)
                    .withTarInputStream(pipe.input())
                    .exec();
            var error = pipe.error();
            if (error.isPresent()) {
                throw new BuildFailedException("cannot copy the source: " + error.get().getMessage(), error.get());
            }
        } catch (IOException e) {
            throw new BuildFailedException("cannot copy the source: " + e.getMessage(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new BuildCancelledException("the build was cancelled while copying the source");
        }
    }

    /**
     * Commits the container's file changes as a new untagged image. Its configuration is the
     * container's (the base image's, as nothing was added) plus {@code labels}.
     *
     * @return the new image's id
     */
    String commit(Map<String, String> labels) {
        return clients.streaming().commitCmd(id).withLabels(labels).exec();
    }

    @Override
    public void close() {
        Interruptions.withFlagCleared(() -> {
            try {
                clients.control().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            } catch (RuntimeException e) {
                LOG.warn("cannot remove build container {}; the garbage collector will: {}", id, e.toString());
            }
        });
    }
}
