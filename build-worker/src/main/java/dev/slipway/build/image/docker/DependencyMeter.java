package dev.slipway.build.image.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, inside a build container, the dependency cache's size per tool directory and the bytes
 * the container received over its network, so a build can say what came from the cache. A reading
 * that fails (an image without {@code du}, a slow daemon) gives nothing and never fails the build.
 */
final class DependencyMeter {

    /** One reading: sizes per cache directory and bytes received so far. */
    record Reading(Map<String, Long> sizes, long received) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DependencyMeter.class);
    private static final long TIMEOUT_SECONDS = 60;
    private static final String SCRIPT = "cd " + Layout.DEPENDENCY_CACHE_DIRECTORY
            + " && for d in */; do du -sk \"$d\" 2>/dev/null; done; cat /proc/net/dev";
    private static final long KIB = 1024;

    private final DockerClients clients;

    DependencyMeter(DockerClients clients) {
        this.clients = clients;
    }

    Optional<Reading> read(String containerId) {
        try {
            var exec = clients.control().execCreateCmd(containerId)
                    .withCmd(ExecRunner.SHELL, "-c", SCRIPT)
                    .withAttachStdout(true).withAttachStderr(false).withTty(false)
                    .exec().getId();
            var output = new Collected();
            try (output) {
                clients.streaming().execStartCmd(exec).withDetach(false).withTty(false).exec(output);
                if (!output.awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    return Optional.empty();
                }
            }
            return Optional.of(parse(output.text.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            LOG.debug("cannot read the dependency cache of {}: {}", containerId, e.toString());
            return Optional.empty();
        }
    }

    /** Parses {@code du -sk} lines ({@code 123\tm2/}) and {@code /proc/net/dev}, summing every interface but loopback. */
    static Reading parse(String output) {
        var sizes = new HashMap<String, Long>();
        long received = 0;
        for (var line : output.split("\n")) {
            var du = line.split("\t");
            if (du.length == 2 && du[0].matches("\\d+")) {
                sizes.put(stripSlash(du[1].strip()), Long.parseLong(du[0]) * KIB);
                continue;
            }
            var colon = line.indexOf(':');
            if (colon > 0 && !line.substring(0, colon).strip().equals("lo")) {
                var fields = List.of(line.substring(colon + 1).strip().split("\\s+"));
                if (!fields.isEmpty() && fields.get(0).matches("\\d+")) {
                    received += Long.parseLong(fields.get(0));
                }
            }
        }
        return new Reading(sizes, received);
    }

    private static String stripSlash(String directory) {
        return directory.endsWith("/") ? directory.substring(0, directory.length() - 1) : directory;
    }

    private static final class Collected extends ResultCallback.Adapter<Frame> {
        private final StringBuilder text = new StringBuilder();

        @Override
        public void onNext(Frame frame) {
            if (frame.getPayload() != null) {
                synchronized (text) {
                    text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
            }
        }
    }
}
