package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.config.HealthCheckSettings.Protocol;
import dev.slipway.config.runtime.ManagedRuntime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The extension records check their own invariants, so hand-made values are as safe as parsed ones. */
class SettingsRecordsTest {

    @Test
    void aModelSourceSplitsItsUriAndNormalizesItsTarget() {
        var prefix = new ModelSource("s3://ml-models/resnet50/", "./models//resnet50/");
        var object = new ModelSource("s3://ml-models/tokenizer.json", "tokenizer.json");
        var bucket = new ModelSource("s3://ml-models", "models");

        assertThat(prefix.target()).isEqualTo("models/resnet50");
        assertThat(prefix.bucket()).isEqualTo("ml-models");
        assertThat(prefix.key()).isEqualTo("resnet50/");
        assertThat(prefix.isPrefix()).isTrue();
        assertThat(object.isPrefix()).isFalse();
        assertThat(bucket.key()).isEmpty();
        assertThat(bucket.isPrefix()).isTrue();
    }

    @Test
    void aModelSourceRejectsOtherSchemesAndTargetsOutsideTheApp() {
        for (var source : List.of("https://x/y", "s3://", "s3://a/b", "s3://Bucket/k", "S3://bucket/k")) {
            assertThatThrownBy(() -> new ModelSource(source, "models")).as(source)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (var target : List.of("/models", "../models", "models/../../x", ".", "./", "", "models\\x")) {
            assertThatThrownBy(() -> new ModelSource("s3://bucket/k", target)).as(target)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void healthCheckSettingsKeepAppRunnersRangesAndAddAGracePeriod() {
        var settings = new HealthCheckSettings(Protocol.HTTP, "/health", 20, 1, 20, 1, 3600);

        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.gracePeriod()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> new HealthCheckSettings(Protocol.TCP, "/", 21, 2, 1, 5, 0))
                .hasMessage("interval must be from 1 to 20: 21");
        assertThatThrownBy(() -> new HealthCheckSettings(Protocol.TCP, "/", 5, 2, 1, 5, -1))
                .hasMessage("grace-period must be from 0 to 3600: -1");
        assertThatThrownBy(() -> new HealthCheckSettings(Protocol.HTTP, "health", 5, 2, 1, 5, 0))
                .hasMessage("path must start with /: health");
    }

    @Test
    void scalingSettingsAllowScaleToZeroButNotMoreMinimumThanMaximum() {
        assertThat(new ScalingSettings(1, 0, 1).scalesToZero()).isTrue();
        assertThat(ScalingSettings.defaults().scalesToZero()).isFalse();
        assertThat(new ScalingSettings(200, 25, 1000).maxInstances()).isEqualTo(1000);
        assertThatThrownBy(() -> new ScalingSettings(201, 1, 25)).hasMessage("max-concurrency must be from 1 to 200: 201");
        assertThatThrownBy(() -> new ScalingSettings(100, 3, 2)).hasMessage("min-instances 3 exceeds max-instances 2");
    }

    @Test
    void instanceSettingsConvertBetweenAppRunnersUnits() {
        var quarter = new InstanceSettings(250, 512);

        assertThat(quarter.vcpus()).isEqualTo(0.25);
        assertThat(quarter.cpuUnits()).isEqualTo(256);
        assertThat(quarter.memoryGb()).isEqualTo(0.5);
        assertThat(quarter.appRunnerOffers()).isTrue();
        assertThat(new InstanceSettings(4000, 512).appRunnerOffers()).isFalse();
        assertThat(InstanceSettings.offeredMemoryMib(2000)).containsExactly(4096, 6144);
        assertThatThrownBy(() -> new InstanceSettings(300, 512)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InstanceSettings(1000, 2000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFourArgumentConfigHasNoModelsAndDefaultSettings() {
        var config = new AppRunnerConfig("1.0", "python3",
                new BuildSection(List.of(), List.of("pip install ."), List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), "python3 app.py", NetworkSection.defaults(),
                        List.of(), List.of()));

        assertThat(config.models()).isEmpty();
        assertThat(config.slipway()).isEqualTo(SlipwaySection.defaults());
        assertThat(config.managedRuntime()).contains(ManagedRuntime.PYTHON_3);
    }
}
