package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.service.ScalingOverrides;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ConfigurationScalingFormTest {

    @Test
    void onlyTheSettingsThatDifferFromWhatTheApiSetAreChanged() {
        var current = new ScalingOverrides(50, 2, null);

        var change = new ConfigurationScalingForm(" 50 ", "", "4").changeFrom(current);

        assertThat(change.settings()).isEqualTo(Map.of("minSize", OptionalLong.empty(), "maxSize", OptionalLong.of(4)));
        assertThat(ConfigurationScalingForm.of(current).changeFrom(current).settings()).isEmpty();
    }

    @Test
    void aValueThatIsNotAWholeNumberIsAProblemAtItsField() {
        var errors = new ConfigurationScalingForm("1.5", "two", "").problems();

        assertThat(errors.messages()).containsOnlyKeys("scaling.maxConcurrency", "scaling.minSize");
        assertThat(errors.message("scaling.minSize")).isEqualTo("scaling.minSize must be a whole number, or blank for "
                + "apprunner.yaml's; got \"two\"");
        assertThat(errors.describedBy("scaling.minSize", "scaling-help"))
                .isEqualTo("scaling-help scaling-minSize-error");
        assertThat(new ConfigurationScalingForm("", null, "3").problems().isEmpty()).isTrue();
    }
}
