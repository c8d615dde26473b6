package dev.slipway.platform.console;

import dev.slipway.platform.scaling.ScalingChange;
import dev.slipway.platform.service.ScalingOverrides;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalLong;

/**
 * The configuration tab's scaling form, in App Runner's names as {@code PATCH /api/v1/services/{name}} takes them:
 * a number sets the value through the API, blank hands it back to {@code apprunner.yaml}. Only reading the numbers
 * is the form's own; their ranges are {@link dev.slipway.platform.scaling.ScalingUpdates}'s.
 */
public record ConfigurationScalingForm(String maxConcurrency, String minSize, String maxSize) {

    /** The form showing what the API set: blank where the file decides. */
    static ConfigurationScalingForm of(ScalingOverrides overrides) {
        return new ConfigurationScalingForm(text(overrides.maxConcurrency()), text(overrides.minSize()),
                text(overrides.maxSize()));
    }

    /** Values that are not whole numbers, each under its field ({@code scaling.minSize}). */
    FormErrors problems() {
        var messages = new LinkedHashMap<String, String>();
        values().forEach((name, value) -> {
            if (!value.isBlank() && parse(value) == null) {
                messages.put("scaling." + name, "scaling." + name + " must be a whole number, or blank for "
                        + "apprunner.yaml's; got \"" + value.strip() + "\"");
            }
        });
        return new FormErrors(messages);
    }

    /** The settings whose value differs from what the API set before; empty when none does. */
    ScalingChange changeFrom(ScalingOverrides current) {
        var was = of(current).values();
        var settings = new LinkedHashMap<String, OptionalLong>();
        values().forEach((name, value) -> {
            var now = parse(value);
            var before = parse(was.get(name));
            if (now == null ? before != null : !now.equals(before)) {
                settings.put(name, now == null ? OptionalLong.empty() : OptionalLong.of(now));
            }
        });
        return new ScalingChange(settings);
    }

    private LinkedHashMap<String, String> values() {
        var values = new LinkedHashMap<String, String>();
        var given = List.of(blankIfNull(maxConcurrency), blankIfNull(minSize), blankIfNull(maxSize));
        for (int i = 0; i < ScalingChange.NAMES.size(); i++) {
            values.put(ScalingChange.NAMES.get(i), given.get(i));
        }
        return values;
    }

    private static Long parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }
}
