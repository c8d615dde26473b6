package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleFormatTest {

    @Test
    void aSparklineSpansTheBoxWithItsHighestValueAtTheTop() {
        assertThat(ConsoleFormat.sparkline(List.of(0L, 5L, 10L), 120, 24))
                .isEqualTo("0.0,23.0 60.0,12.0 120.0,1.0");
    }

    @Test
    void aSparklineOfNothingIsAFlatLineAtTheBottom() {
        assertThat(ConsoleFormat.sparkline(List.of(0L, 0L), 120, 24)).isEqualTo("0.0,23.0 120.0,23.0");
        assertThat(ConsoleFormat.sparkline(List.of(), 120, 24)).isEmpty();
    }

    @Test
    void ageAndSizeReadAsPeopleSayThem() {
        var now = Instant.now();
        assertThat(ConsoleFormat.age(now.minusSeconds(12))).isEqualTo("12 s ago");
        assertThat(ConsoleFormat.age(now.minus(Duration.ofMinutes(5)))).isEqualTo("5 min ago");
        assertThat(ConsoleFormat.age(now.minus(Duration.ofHours(3)))).isEqualTo("3 h ago");
        assertThat(ConsoleFormat.age(now.minus(Duration.ofDays(3)))).isEqualTo("3 d ago");
        assertThat(ConsoleFormat.size(812)).isEqualTo("812 B");
        assertThat(ConsoleFormat.size(4300)).isEqualTo("4.2 KiB");
        assertThat(ConsoleFormat.size(87L * 1024 * 1024)).isEqualTo("87.0 MiB");
    }
}
