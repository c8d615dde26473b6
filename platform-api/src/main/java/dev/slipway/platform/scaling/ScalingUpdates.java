package dev.slipway.platform.scaling;

import dev.slipway.config.ScalingSettings;
import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.service.ScalingOverrides;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.InvalidRequestException;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/v1/services/{name}} with {@code {"scaling": {"maxConcurrency": 50, "minSize": 0,
 * "maxSize": 3}}}: each setting given wins over {@code apprunner.yaml} from now on, across
 * deployments; {@code null} hands it back to the file; one left out stays as it is.
 */
@Component
public class ScalingUpdates {

    private static final String EXAMPLE = "{\"scaling\": {\"maxConcurrency\": 50, \"minSize\": 0, \"maxSize\": 3}}";

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

    /** @throws InvalidRequestException naming the field, when the body is not such a change */
    public Service apply(Service service, JsonNode body) {
        if (body == null || !body.isObject() || !body.has("scaling")) {
            throw new InvalidRequestException("Send the settings to change, e.g. " + EXAMPLE);
        }
        for (var field : body.propertyNames()) {
            if (!field.equals("scaling")) {
                throw new InvalidRequestException("'" + field + "' cannot be changed; PATCH takes " + EXAMPLE);
            }
        }
        var scaling = body.get("scaling");
        if (!scaling.isObject()) {
            throw new InvalidRequestException("scaling must be an object, e.g. " + EXAMPLE);
        }
        var values = new TreeMap<String, Integer>();
        var current = service.scaling();
        values.put("maxConcurrency", current.maxConcurrency());
        values.put("minSize", current.minSize());
        values.put("maxSize", current.maxSize());
        var told = new ArrayList<String>();
        for (var entry : scaling.properties()) {
            var name = entry.getKey();
            var range = RANGES.get(name);
            if (range == null) {
                throw new InvalidRequestException("scaling." + name + " is not a scaling setting; use maxConcurrency, "
                        + "minSize or maxSize");
            }
            var value = entry.getValue();
            if (value.isNull()) {
                values.put(name, null);
                told.add(name + " from apprunner.yaml");
                continue;
            }
            if (!value.isIntegralNumber() || value.asLong() < range[0] || value.asLong() > range[1]) {
                throw new InvalidRequestException("scaling." + name + " must be " + describe(range) + ", or null for "
                        + "apprunner.yaml's; got " + value);
            }
            values.put(name, value.asInt());
            told.add(name + " " + value.asInt());
        }
        var overrides = new ScalingOverrides(values.get("maxConcurrency"), values.get("minSize"), values.get("maxSize"));
        var effective = scaled.scalingOf(new Service(service.id(), service.name(), service.source(), service.status(),
                service.statusReason(), service.activeDeploymentId(), service.s3(), overrides, service.paused(),
                service.createdAt(), service.updatedAt()));
        var minSize = overrides.minSize() != null ? overrides.minSize() : effective.minSize();
        if (minSize > effective.maxSize()) {
            throw new InvalidRequestException("scaling.minSize " + minSize + " is above maxSize " + effective.maxSize()
                    + " (" + effective.sources().get("maxSize") + "); lower minSize or raise maxSize");
        }
        services.updateScaling(service.id(), overrides);
        if (!told.isEmpty()) {
            events.record(service.id(), EventKind.SERVICE_SCALING_CHANGED, "Scaling set through the API: "
                    + String.join(", ", told), null, null);
        }
        autoscaler.settingsChanged(service.id());
        return services.findById(service.id()).orElseThrow();
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
