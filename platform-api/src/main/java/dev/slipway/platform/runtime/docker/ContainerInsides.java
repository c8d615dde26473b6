package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.build.image.docker.BuildLabels;
import dev.slipway.platform.runtime.ListeningSocket;
import dev.slipway.platform.runtime.ListeningSockets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What is inside a running container, for telling why its app fails its health check: the ports
 * it listens on and the image its commands come from.
 */
final class ContainerInsides {

    private static final Duration EXEC_TIMEOUT = Duration.ofSeconds(5);

    private final DockerClient docker;

    ContainerInsides(DockerClient docker) {
        this.docker = docker;
    }

    /**
     * Read on the host from {@code /proc/<container's pid>/net} (Slipway runs on the Docker host),
     * else inside the container with {@code cat /proc/net/tcp /proc/net/tcp6}.
     */
    Optional<List<ListeningSocket>> listeningSockets(String containerId) {
        try {
            var inspected = docker.inspectContainerCmd(containerId).exec();
            var state = inspected.getState();
            if (!Boolean.TRUE.equals(state.getRunning()) || state.getPidLong() == null || state.getPidLong() <= 0) {
                return Optional.empty();
            }
            var pid = state.getPidLong();
            if (isContainersProcess(pid, inspected.getId())) {
                var onHost = ListeningSockets.inNetworkOf(pid);
                if (onHost.isPresent()) {
                    return onHost;
                }
            }
            return readInside(containerId);
        } catch (DockerException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code the image slipway/hello:d-1a2b}: its first tag, else its short id; for an image Slipway
     * built, also the runtime image it runs on and what that carries.
     */
    String commandSource(String containerId) {
        try {
            var image = docker.inspectContainerCmd(containerId).exec().getImageId();
            var inspected = docker.inspectImageCmd(image).exec();
            var tags = inspected.getRepoTags();
            var name = tags == null || tags.isEmpty() ? DockerStates.shortId(image.replace("sha256:", "")) : tags.get(0);
            var labels = inspected.getConfig() == null || inspected.getConfig().getLabels() == null
                    ? Map.<String, String>of() : inspected.getConfig().getLabels();
            var runtime = labels.get(BuildLabels.RUNTIME_IMAGE);
            var carries = labels.get(BuildLabels.RUNTIME_IMAGE_CARRIES);
            return "the image " + name + (runtime == null ? ""
                    : ", built on " + runtime + (carries == null ? "" : " (" + carries + ")"));
        } catch (DockerException e) {
            return "the app's image";
        }
    }

    /** Whether {@code pid} in this Slipway's {@code /proc} is the container's: its cgroup names the container. */
    private static boolean isContainersProcess(long pid, String containerId) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cgroup")).contains(containerId);
        } catch (IOException e) {
            return false;
        }
    }

    /** With {@code cat} in the container: for a Slipway that does not share the Docker host's {@code /proc}. */
    Optional<List<ListeningSocket>> readInside(String containerId) {
        var out = new StringBuilder();
        var callback = new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                if (frame.getStreamType() == StreamType.STDOUT || frame.getStreamType() == StreamType.RAW) {
                    synchronized (out) {
                        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                }
            }
        };
        try (callback) {
            var exec = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(false)
                    .withCmd("cat", "/proc/net/tcp", "/proc/net/tcp6").exec();
            var done = docker.execStartCmd(exec.getId()).exec(callback)
                    .awaitCompletion(EXEC_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            // An image without cat (or a shell-less one) prints nothing: that tells nothing.
            synchronized (out) {
                return done && out.length() > 0 ? Optional.of(ListeningSockets.distinct(ListeningSockets.parse(out.toString())))
                        : Optional.empty();
            }
        } catch (DockerException | IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
