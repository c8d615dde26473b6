package dev.slipway.platform.console;

import dev.slipway.platform.logs.AppLogStream;
import dev.slipway.platform.service.ServiceRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/** The logs tab: what the service's instances print, live, starting with the last lines they printed. */
@Controller
@RequestMapping("/services/{name}/logs")
class LogsPageController {

    /** Earlier lines the tab starts with. */
    static final String TAIL = "200";

    private final ServiceHeaders headers;
    private final ServiceRepository services;
    private final AppLogStream stream;

    LogsPageController(ServiceHeaders headers, ServiceRepository services, AppLogStream stream) {
        this.headers = headers;
        this.services = services;
        this.stream = stream;
    }

    @GetMapping
    String tab(@PathVariable String name, Model model) {
        headers.open(name, ServiceTab.LOGS, model);
        return "console/service-logs";
    }

    @GetMapping(path = "/stream", produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ResponseBodyEmitter> follow(@PathVariable String name,
                                               @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        services.get(name);
        return stream.follow(name, null, null, lastEventId == null ? TAIL : null, lastEventId);
    }
}
