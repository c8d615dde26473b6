package dev.slipway.platform.event;

import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/services/{name}/events}: what happened to the service, newest first. */
@RestController
class EventController {

    private static final int MAX_LIMIT = ServiceEvents.KEPT;

    private final ServiceRepository services;
    private final ServiceEvents events;

    EventController(ServiceRepository services, ServiceEvents events) {
        this.services = services;
        this.events = events;
    }

    @GetMapping("/api/v1/services/{name}/events")
    List<EventView> list(@PathVariable String name, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        var service = services.get(name);
        return events.list(service.id(), limit).stream().map(EventView::of).toList();
    }

    /** An event as the API shows it. */
    record EventView(long id, Instant time, String kind, String message, String deploymentId, String instanceId) {

        static EventView of(ServiceEvent e) {
            return new EventView(e.id(), e.time(), e.kind().wireName(), e.message(), e.deploymentId().orElse(null),
                    e.instanceId().orElse(null));
        }
    }
}
