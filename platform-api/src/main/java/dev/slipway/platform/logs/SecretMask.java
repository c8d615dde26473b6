package dev.slipway.platform.logs;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secret values in log lines, longest first so one secret inside another is fully hidden. */
final class SecretMask {

    static final String MASK = "****";
    /** Shorter values would mask ordinary words and numbers. */
    static final int MIN_LENGTH = 4;

    private volatile List<String> secrets = List.of();

    void add(Collection<String> values) {
        var all = new java.util.ArrayList<>(secrets);
        values.stream().filter(v -> v != null && v.length() >= MIN_LENGTH && !all.contains(v)).forEach(all::add);
        all.sort(Comparator.comparingInt(String::length).reversed());
        secrets = List.copyOf(all);
    }

    String apply(String text) {
        var masked = text;
        for (var secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
