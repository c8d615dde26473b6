package dev.slipway.build.image;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Hides secret values in build output before it is logged or quoted in an error. Values shorter
 * than {@link #MIN_LENGTH} are left alone: masking every "1" or "on" would garble the log and
 * tell an attacker about as much as it hides.
 */
public final class SecretMask {

    /** The shortest value that is masked. */
    public static final int MIN_LENGTH = 4;
    /** What replaces a secret value. */
    public static final String MASK = "****";
    /** Masks nothing. */
    public static final SecretMask NONE = new SecretMask(List.of());

    private final List<String> values;

    /** @param values the secret values; the longest are replaced first, so overlapping values stay hidden */
    public SecretMask(Collection<String> values) {
        this.values = values.stream().filter(value -> value != null && value.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** {@code line} with every secret value replaced by {@link #MASK}. */
    public String apply(String line) {
        var masked = line;
        for (var value : values) {
            if (masked.contains(value)) {
                masked = masked.replace(value, MASK);
            }
        }
        return masked;
    }
}
