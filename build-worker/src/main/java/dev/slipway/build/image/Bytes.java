package dev.slipway.build.image;

import java.util.Locale;

/** Byte counts as people read them in logs and pages: {@code 812 B}, {@code 4.2 KiB}, {@code 87.0 MiB}. */
public final class Bytes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final double UNIT_STEP = 1024.0;

    private Bytes() {
    }

    public static String format(long bytes) {
        double value = bytes;
        var unit = 0;
        while (Math.abs(value) >= UNIT_STEP && unit < UNITS.length - 1) {
            value /= UNIT_STEP;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
