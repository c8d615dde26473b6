package dev.slipway.platform.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EventKindTest {

    @Test
    void wireNamesSayWhatTheEventIsAboutFirstAndReadBack() {
        assertThat(EventKind.INSTANCE_CRASHED.wireName()).isEqualTo("instance.crashed");
        assertThat(EventKind.SLIPWAY_RESTARTED.wireName()).isEqualTo("slipway.restarted");
        assertThat(Arrays.stream(EventKind.values()).map(EventKind::wireName).map(EventKind::fromWireName))
                .containsExactly(EventKind.values());
    }
}
