package dev.slipway.platform.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InstanceHealthTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void namesTheWorstInstanceWithItsLastExitWhenToExpectItBackAndWhereItsOutputIs() {
        var health = InstanceHealth.of("hello", List.of(
                instance("i3f2a9c1d7e01", InstanceState.HEALTHY, 0, null),
                instance("i8b7c6d5e4f32", InstanceState.CRASHED, 4, "exit 1")), 2, NOW);

        assertThat(health.healthy()).isEqualTo(1);
        assertThat(health.complete()).isFalse();
        assertThat(health.problem()).hasValue("instance i8b7c6d5e… crashed 4 times in a row, last: exit 1; "
                + "next restart at 2026-12-04T12:00:08Z; its output: GET /api/v1/services/hello/logs?instance=i8b7c6d5e4f32");
    }

    @Test
    void allHealthyIsComplete() {
        var health = InstanceHealth.of("hello", List.of(instance("i1", InstanceState.HEALTHY, 0, null)), 1, NOW);

        assertThat(health.complete()).isTrue();
        assertThat(health.problem()).isEmpty();
    }

    private static Instance instance(String id, InstanceState state, int streak, String lastExit) {
        return new Instance(id, 1, "d1", Optional.of("c-" + id), Optional.of("127.0.0.1:9000"), state,
                Optional.empty(), streak, streak, lastExit == null ? OptionalInt.empty() : OptionalInt.of(1),
                Optional.ofNullable(lastExit), Optional.of(NOW), Optional.empty(),
                state == InstanceState.CRASHED ? Optional.of(NOW.plusSeconds(8)) : Optional.empty(), NOW);
    }
}
