package dev.slipway.platform.console;

import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.logs.DeploymentLogStream;
import dev.slipway.platform.logs.DeploymentLogs;
import dev.slipway.platform.logs.LogLine;
import dev.slipway.platform.service.ServiceRepository;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A deployment's log for the console: live as the same server-sent events the REST API sends (the page keeps
 * only the newest lines), and whole as a text file to download.
 */
@Controller
@RequestMapping("/services/{name}/deployments/{id}")
class DeploymentLogPageController {

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final DeploymentLogs logs;
    private final DeploymentLogStream stream;

    DeploymentLogPageController(ServiceRepository services, DeploymentRepository deployments, DeploymentLogs logs,
                                DeploymentLogStream stream) {
        this.services = services;
        this.deployments = deployments;
        this.logs = logs;
        this.stream = stream;
    }

    @GetMapping(path = "/log/stream", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ResponseBodyEmitter> follow(@PathVariable String name, @PathVariable String id,
                                               @RequestHeader(name = "Last-Event-ID", required = false) Long lastSeen) {
        require(name, id);
        return stream.follow(id, lastSeen == null ? 0 : lastSeen,
                () -> deployments.find(id).map(d -> d.status().name()).orElse("UNKNOWN"));
    }

    /** {@code <time> <phase> <stream> <text>} per line, as {@code slipway-<service>-<id>.log}. */
    @GetMapping("/log.txt")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String name, @PathVariable String id) {
        require(name, id);
        var lines = logs.read(id);
        StreamingResponseBody body = out -> {
            var text = new StringBuilder(256);
            for (LogLine line : lines) {
                text.setLength(0);
                text.append(line.time()).append(' ').append(line.phase()).append(' ').append(line.stream())
                        .append(' ').append(line.text()).append('\n');
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        };
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("slipway-" + name + "-" + id + ".log").build().toString())
                .body(body);
    }

    private void require(String name, String id) {
        deployments.get(services.get(name), id);
    }
}
