package dev.slipway.platform.console;

import dev.slipway.platform.event.ServiceEvent;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The events tab: what happened to the service (deployments, instances, scaling), newest first. */
@Controller
@RequestMapping("/services/{name}/events")
class EventsPageController {

    static final int SHOWN = 200;

    private final ServiceHeaders headers;
    private final ServiceRepository services;
    private final ServiceEvents events;

    EventsPageController(ServiceHeaders headers, ServiceRepository services, ServiceEvents events) {
        this.headers = headers;
        this.services = services;
        this.events = events;
    }

    @GetMapping
    String tab(@PathVariable String name, Model model) {
        var service = headers.open(name, ServiceTab.EVENTS, model);
        model.addAttribute("events", rows(service.id()));
        return "console/service-events";
    }

    @GetMapping("/rows")
    String rows(@PathVariable String name, Model model) {
        model.addAttribute("events", rows(services.get(name).id()));
        model.addAttribute("serviceName", name);
        return "console/service-events :: rows";
    }

    private List<EventRow> rows(long serviceId) {
        return events.list(serviceId, SHOWN).stream().map(EventRow::new).toList();
    }

    /** An event as the tab shows it. */
    public record EventRow(ServiceEvent event) {

        public String time() {
            return event.time().toString();
        }

        public String age() {
            return ConsoleFormat.age(event.time());
        }

        public String kind() {
            return event.kind().wireName();
        }

        public String message() {
            return event.message();
        }

        /** {@code bad} for crashes and failures, so the page can set them apart. */
        public String tone() {
            var kind = kind();
            return kind.contains("crash") || kind.contains("fail") || kind.contains("unhealthy") ? "bad" : "";
        }
    }
}
