package dev.slipway.platform.service.lifecycle;

import dev.slipway.platform.scaling.ScalingChange;
import dev.slipway.platform.system.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/** Reads the body of {@code PATCH /api/v1/services/{name}}: {@code {"scaling": {"minSize": 0, "maxSize": null}}}. */
final class ScalingPatch {

    static final String EXAMPLE = "{\"scaling\": {\"maxConcurrency\": 50, \"minSize\": 0, \"maxSize\": 3}}";

    private ScalingPatch() {
    }

    /** @throws InvalidRequestException naming the field, when the body is not such a change */
    static ScalingChange read(JsonNode body) {
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
        var settings = new LinkedHashMap<String, OptionalLong>();
        for (var entry : scaling.properties()) {
            var name = entry.getKey();
            var value = entry.getValue();
            if (!ScalingChange.NAMES.contains(name)) {
                throw new InvalidRequestException("scaling." + name + " is not a scaling setting; use "
                        + String.join(", ", ScalingChange.NAMES.subList(0, ScalingChange.NAMES.size() - 1)) + " or "
                        + ScalingChange.NAMES.get(ScalingChange.NAMES.size() - 1));
            }
            if (!value.isNull() && !value.isIntegralNumber()) {
                throw new InvalidRequestException("scaling." + name + " must be a whole number, or null for "
                        + "apprunner.yaml's; got " + value);
            }
            settings.put(name, value.isNull() ? OptionalLong.empty() : OptionalLong.of(value.asLong()));
        }
        return new ScalingChange(settings);
    }
}
