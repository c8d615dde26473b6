package dev.slipway.platform.logs;

import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.InvalidRequestException;
import java.time.Instant;
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
 * {@code GET /api/v1/services/{name}/logs}: what the service's instances printed, as JSON lines
 * ({@code instance}, {@code since}, {@code tail} narrow it); with {@code ?follow=true}, as
 * server-sent events that continue live until the client leaves. {@code Last-Event-ID} resumes
 * after a line.
 */
@RestController
@RequestMapping("/api/v1/services/{name}/logs")
class AppLogController {

    private final ServiceRepository services;
    private final AppLogs logs;
    private final AppLogStream stream;

    AppLogController(ServiceRepository services, AppLogs logs, AppLogStream stream) {
        this.services = services;
        this.logs = logs;
        this.stream = stream;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<AppLogLine> lines(@PathVariable String name, @RequestParam(required = false) String instance,
                           @RequestParam(required = false) String since, @RequestParam(required = false) String tail,
                           @RequestParam(required = false) String follow) {
        if (follow != null && !follow.equals("false")) {
            throw new InvalidRequestException("follow must be true (a live stream) or false; got '" + follow + "'");
        }
        var filter = AppLogQuery.filter(instance, since, tail, null, Instant.now());
        services.get(name);
        return logs.read(name, filter);
    }

    @GetMapping(params = "follow=true", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ResponseBodyEmitter> follow(@PathVariable String name,
                                               @RequestParam(required = false) String instance,
                                               @RequestParam(required = false) String since,
                                               @RequestParam(required = false) String tail,
                                               @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        services.get(name);
        return stream.follow(name, instance, since, tail, lastEventId);
    }
}
