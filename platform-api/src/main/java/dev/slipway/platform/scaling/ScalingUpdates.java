package dev.slipway.platform.scaling;

import dev.slipway.config.ScalingSettings;
import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.service.ScalingOverrides;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Changes a service's scaling through the API: each setting given wins over {@code apprunner.yaml}
 * from now on, across deployments; one handed back takes the file's value again. Changes are applied
 * one at a time, each to the service as stored, so two at once both hold.
 */
@Component
public class ScalingUpdates {

    private final ServiceRepository services;
    private final ScaledServices scaled;
    private final Autoscaler autoscaler;
    private final ServiceEvents events;

    ScalingUpdates(ServiceRepository services, ScaledServices scaled, Autoscaler autoscaler, ServiceEvents events) {
        this.services = services;
        this.scaled = scaled;
        this.autoscaler = autoscaler;
        this.events = events;
    }

    /** @throws InvalidRequestException naming the setting, when a value is out of range or min exceeds max */
    public synchronized Service apply(String name, ScalingChange change) {
        var service = services.get(name);
        var current = service.scaling();
        var values = new HashMap<String, Integer>();
        values.put("maxConcurrency", current.maxConcurrency());
        values.put("minSize", current.minSize());
        values.put("maxSize", current.maxSize());
        var told = new ArrayList<String>();
        // In App Runner's order, so the event reads the same whatever order the body gave.
        ScalingChange.NAMES.stream().filter(change.settings()::containsKey).forEach(setting -> {
            var value = change.settings().get(setting);
            if (value.isEmpty()) {
                values.put(setting, null);
                told.add(setting + " from apprunner.yaml");
                return;
            }
            var range = RANGES.get(setting);
            if (value.getAsLong() < range[0] || value.getAsLong() > range[1]) {
                throw new InvalidRequestException("scaling." + setting, "scaling." + setting + " must be "
                        + describe(range) + ", or null for apprunner.yaml's; got " + value.getAsLong());
            }
            values.put(setting, (int) value.getAsLong());
            told.add(setting + " " + value.getAsLong());
        });
        var overrides = new ScalingOverrides(values.get("maxConcurrency"), values.get("minSize"), values.get("maxSize"));
        // The file's own values, before the API's and before a minimum above the maximum is lowered.
        var file = scaled.scalingOf(with(service, ScalingOverrides.NONE));
        int min = overrides.minSize() != null ? overrides.minSize() : file.minSize();
        int max = overrides.maxSize() != null ? overrides.maxSize() : file.maxSize();
        if (min > max) {
            // Located at the setting this change named, so a form shows it where the user typed.
            var field = change.settings().containsKey("maxSize") && !change.settings().containsKey("minSize")
                    ? "scaling.maxSize" : "scaling.minSize";
            throw new InvalidRequestException(field, "scaling.minSize " + min + " is above maxSize " + max + " ("
                    + (overrides.maxSize() != null ? "api" : "apprunner.yaml") + "); lower minSize or raise maxSize");
        }
        services.updateScaling(service.id(), overrides);
        if (!told.isEmpty()) {
            events.record(service.id(), EventKind.SERVICE_SCALING_CHANGED, "Scaling set through the API: "
                    + String.join(", ", told), null, null);
        }
        autoscaler.settingsChanged(service.id(), service.name());
        return services.findById(service.id()).orElseThrow();
    }

    private static Service with(Service service, ScalingOverrides scaling) {
        return new Service(service.id(), service.name(), service.source(), service.status(), service.statusReason(),
                service.activeDeploymentId(), service.s3(), scaling, service.paused(), service.createdAt(),
                service.updatedAt());
    }

    private static final Map<String, long[]> RANGES = Map.of(
            "maxConcurrency", new long[] {ScalingSettings.LOWEST_MAX_CONCURRENCY, ScalingSettings.HIGHEST_MAX_CONCURRENCY},
            "minSize", new long[] {ScalingSettings.LOWEST_MIN_INSTANCES, ScalingSettings.HIGHEST_MIN_INSTANCES},
            "maxSize", new long[] {ScalingSettings.LOWEST_MAX_INSTANCES, Integer.MAX_VALUE});

    private static String describe(long[] range) {
        return range[1] == Integer.MAX_VALUE ? "an integer of at least " + range[0]
                : "an integer from " + range[0] + " to " + range[1];
    }
}
