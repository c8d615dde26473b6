package dev.slipway.router;

import java.util.Locale;

/**
 * A whole number followed by a unit, the way people write durations and sizes: {@code 30s}, {@code 100MiB}.
 *
 * @param amount the number, at most 12 digits
 * @param unit   what follows it, in lower case; empty when nothing does
 */
record UnitAmount(long amount, String unit) {

    /** The amount and unit of {@code text} (surrounding blanks ignored), or null when it does not start with digits. */
    static UnitAmount parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < value.length() && Character.isDigit(value.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            return null;
        }
        return new UnitAmount(Long.parseLong(value.substring(0, digits)), value.substring(digits));
    }
}
