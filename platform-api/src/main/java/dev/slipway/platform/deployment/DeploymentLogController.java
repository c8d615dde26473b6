package dev.slipway.platform.deployment;

import dev.slipway.platform.deployment.DeploymentNotFoundException;
import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.logs.DeploymentLogs;
import dev.slipway.platform.logs.EventStreams;
import dev.slipway.platform.logs.FollowerQueue;
import dev.slipway.platform.logs.LogFollower;
import dev.slipway.platform.logs.LogLine;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/services/{name}/deployments/{id}/logs}: the deployment's build and rollout
 * log as JSON lines; with {@code ?follow=true}, as server-sent events that continue live until the
 * deployment ends (then an {@code end} event). {@code Last-Event-ID} resumes after a line.
 */
@RestController
@RequestMapping("/api/v1/services/{name}/deployments/{id}/logs")
class DeploymentLogController {

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final DeploymentLogs logs;
    private final EventStreams streams;
    private final JsonMapper json;

    DeploymentLogController(ServiceRepository services, DeploymentRepository deployments, DeploymentLogs logs,
                            EventStreams streams, JsonMapper json) {
        this.services = services;
        this.deployments = deployments;
        this.logs = logs;
        this.streams = streams;
        this.json = json;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<LogLine> lines(@PathVariable String name, @PathVariable String id) {
        requireDeployment(name, id);
        return logs.read(id);
    }

    @GetMapping(params = "follow=true", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ResponseBodyEmitter> follow(@PathVariable String name, @PathVariable String id,
                                               @RequestParam boolean follow,
                                               @RequestHeader(name = "Last-Event-ID", required = false) Long lastSeen) {
        requireDeployment(name, id);
        long after = lastSeen == null ? 0 : lastSeen;
        var stream = streams.open();
        var queue = new FollowerQueue<>(FollowerQueue.CAPACITY, streams.delivery(), new LogFollower<LogLine>() {
            @Override
            public void line(LogLine line) {
                if (line.seq() > after) {
                    stream.send(Long.toString(line.seq()), "line", json.writeValueAsString(line));
                }
            }

            @Override
            public void droppedBehind() {
                stream.droppedBehind(FollowerQueue.CAPACITY);
            }

            @Override
            public void ended() {
                var status = deployments.find(id).map(d -> d.status().name()).orElse("UNKNOWN");
                stream.send(null, "end", "{\"status\":\"" + status + "\"}");
                stream.complete();
            }
        });
        Consumer<LogLine> follower = queue::offer;
        stream.onClose(() -> {
            queue.close();
            logs.unfollow(id, follower);
        });
        try {
            queue.start(logs.follow(id, follower, queue::end));
        } catch (RuntimeException e) {
            stream.complete();
            throw e;
        }
        return stream.response();
    }

    private void requireDeployment(String name, String id) {
        var service = services.get(name);
        deployments.find(id).filter(d -> d.serviceId() == service.id())
                .orElseThrow(() -> new DeploymentNotFoundException(name, id));
    }
}
