package dev.slipway.platform.logs;

import dev.slipway.platform.deployment.DeploymentNotFoundException;
import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.service.ServiceRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/services/{name}/deployments/{id}/logs}: the deployment's build and rollout
 * log as JSON lines; with {@code ?follow=true}, as server-sent events that continue live until the
 * deployment ends (then an {@code end} event). {@code Last-Event-ID} resumes after a line.
 */
@RestController
@RequestMapping("/api/v1/services/{name}/deployments/{id}/logs")
class DeploymentLogController {

    /** A comment line keeps idle connections (and proxies) from timing out while a build is quiet. */
    private static final long KEEP_ALIVE_SECONDS = 15;
    private static final LogLine END = new LogLine(-1, null, null, null, null);

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final DeploymentLogs logs;
    private final JsonMapper json;

    DeploymentLogController(ServiceRepository services, DeploymentRepository deployments, DeploymentLogs logs,
                            JsonMapper json) {
        this.services = services;
        this.deployments = deployments;
        this.logs = logs;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<LogLine> lines(@PathVariable String name, @PathVariable String id) {
        requireDeployment(name, id);
        return logs.read(id);
    }

    @GetMapping(params = "follow=true", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<StreamingResponseBody> follow(@PathVariable String name, @PathVariable String id,
                                                 @RequestParam boolean follow,
                                                 @RequestHeader(name = "Last-Event-ID", required = false) Long lastSeen) {
        requireDeployment(name, id);
        var after = lastSeen == null ? 0 : lastSeen;
        StreamingResponseBody body = out -> {
            var queue = new LinkedBlockingQueue<LogLine>();
            Consumer<LogLine> follower = queue::add;
            var earlier = logs.follow(id, follower, () -> queue.add(END));
            try {
                for (var line : earlier) {
                    if (line.seq() > after) {
                        out.write(event(line));
                    }
                }
                out.flush();
                long sent = earlier.isEmpty() ? after : Math.max(after, earlier.get(earlier.size() - 1).seq());
                while (true) {
                    var line = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                    if (line == null) {
                        out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    } else if (line == END) {
                        break;
                    } else if (line.seq() > sent) {
                        out.write(event(line));
                        sent = line.seq();
                    }
                    out.flush();
                }
                var status = deployments.find(id).map(d -> d.status().name()).orElse("UNKNOWN");
                out.write(("event: end\ndata: {\"status\":\"" + status + "\"}\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                logs.unfollow(id, follower);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").body(body);
    }

    private byte[] event(LogLine line) throws IOException {
        return ("id: " + line.seq() + "\nevent: line\ndata: " + json.writeValueAsString(line) + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private void requireDeployment(String name, String id) {
        var service = services.get(name);
        deployments.find(id).filter(d -> d.serviceId() == service.id())
                .orElseThrow(() -> new DeploymentNotFoundException(name, id));
    }
}
