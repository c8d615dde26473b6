package dev.slipway.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The load step's time series as CSV, a header line then one line per sample. */
final class ScaleCsv {

    static final String HEADER = "seconds,instances,desired,requests_per_second,failures";

    private ScaleCsv() {
    }

    static String format(List<ScaleSample> samples) {
        var csv = new StringBuilder(HEADER).append('\n');
        for (var sample : samples) {
            csv.append(String.format(Locale.ROOT, "%.2f,%d,%d,%.1f,%d\n", sample.seconds(), sample.instances(),
                    sample.desired(), sample.requestsPerSecond(), sample.failures()));
        }
        return csv.toString();
    }

    /** Writes the series to {@code file}, creating its directory. */
    static void write(Path file, List<ScaleSample> samples) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, format(samples), StandardCharsets.UTF_8);
    }
}
