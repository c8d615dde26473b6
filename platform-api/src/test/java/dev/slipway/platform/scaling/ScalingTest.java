package dev.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.ScalingSettings;
import dev.slipway.platform.service.ScalingOverrides;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingTest {

    @Test
    void theApiWinsOverTheFileWhichWinsOverTheDefaults() {
        var scaling = Scaling.of(new ScalingSettings(50, 0, 25), new ScalingOverrides(null, null, 3));

        assertThat(scaling.maxConcurrency()).isEqualTo(50);
        assertThat(scaling.minSize()).isZero();
        assertThat(scaling.maxSize()).isEqualTo(3);
        assertThat(scaling.sources()).isEqualTo(Map.of("maxConcurrency", "apprunner.yaml", "minSize", "apprunner.yaml",
                "maxSize", "api"));
        assertThat(Scaling.of(ScalingSettings.defaults(), ScalingOverrides.NONE).sources().values())
                .containsOnly("default");
    }

    @Test
    void aMinimumAboveTheMaximumIsLoweredToIt() {
        var scaling = Scaling.of(new ScalingSettings(50, 4, 25), new ScalingOverrides(null, null, 2));
        assertThat(scaling.minSize()).isEqualTo(2);
    }

    @Test
    void admissionLimitsInstancesOnlyOnceTheMaximumServesUnlessAHardLimitIsSet() {
        var scaling = Scaling.of(new ScalingSettings(10, 1, 3), ScalingOverrides.NONE);
        assertThat(scaling.admission("hello", 2, 2, false).concurrencyLimit()).isZero();
        assertThat(scaling.admission("hello", 3, 1, false).concurrencyLimit()).as("two still starting").isZero();
        assertThat(scaling.admission("hello", 3, 3, false).concurrencyLimit()).isEqualTo(10);
        assertThat(scaling.admission("hello", 3, 3, false).queueDepth()).isEqualTo(30);
        assertThat(scaling.admission("hello", 3, 3, false).holdWhileEmpty()).isFalse();

        var hard = Scaling.of(new ScalingSettings(10, 0, 3, 1, 0, 0), ScalingOverrides.NONE);
        assertThat(hard.admission("hello", 1, 0, false).concurrencyLimit()).isEqualTo(1);
        assertThat(hard.admission("hello", 0, 0, false).holdWhileEmpty()).isTrue();
        assertThat(hard.admission("hello", 0, 0, false).queueTimeout()).isEqualTo(Scaling.WAKE_TIMEOUT);
        assertThat(hard.admission("hello", 1, 0, false).queueTimeout()).as("woken, its instance still starting")
                .isEqualTo(Scaling.WAKE_TIMEOUT);
        assertThat(hard.admission("hello", 1, 1, false).queueTimeout()).isEqualTo(Scaling.OVERLOAD_TIMEOUT);
        assertThat(hard.capacity()).isEqualTo(1);
        assertThat(hard.target()).isEqualTo(0.7);
    }

    @Test
    void aPausedServiceSaysSoAndHoldsNothing() {
        var paused = Scaling.of(new ScalingSettings(10, 0, 3), ScalingOverrides.NONE).admission("hello", 0, 0, true);
        assertThat(paused.holdWhileEmpty()).isFalse();
        assertThat(paused.unavailableMessage()).isEqualTo(
                "Service hello is paused. Resume it (POST /api/v1/services/hello/resume) to serve it again.");
    }
}
