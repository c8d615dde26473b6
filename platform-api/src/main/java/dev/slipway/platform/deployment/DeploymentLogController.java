package dev.slipway.platform.deployment;

import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.logs.DeploymentLogStream;
import dev.slipway.platform.logs.DeploymentLogs;
import dev.slipway.platform.logs.LogLine;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

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
    private final DeploymentLogStream stream;

    DeploymentLogController(ServiceRepository services, DeploymentRepository deployments, DeploymentLogs logs,
                            DeploymentLogStream stream) {
        this.services = services;
        this.deployments = deployments;
        this.logs = logs;
        this.stream = stream;
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
        return stream.follow(id, lastSeen == null ? 0 : lastSeen,
                () -> deployments.find(id).map(d -> d.status().name()).orElse("UNKNOWN"));
    }

    private void requireDeployment(String name, String id) {
        deployments.get(services.get(name), id);
    }
}
