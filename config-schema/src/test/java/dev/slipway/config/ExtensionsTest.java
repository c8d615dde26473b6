package dev.slipway.config;

import static dev.slipway.config.ParserProblemsTest.parse;
import static dev.slipway.config.ParserProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.HealthCheckSettings.Protocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slipway's extension keys: {@code models} and the {@code slipway} section. */
class ExtensionsTest {

    private static final String MINIMAL = AppRunnerYamlParserTest.minimal();

    @Test
    void readsModelsAndServiceSettingsIntoRecords() {
        var result = parse(MINIMAL + """
                models:
                  - source: s3://ml-models/resnet50/
                    target: ./models/resnet50/
                  - source: s3://ml-models/tokenizer.json
                    target: tokenizer.json
                slipway:
                  health-check:
                    protocol: http
                    path: /healthz
                    interval: 10
                    timeout: 4
                    healthy-threshold: 2
                    unhealthy-threshold: 3
                    grace-period: 120
                  scaling:
                    max-concurrency: 20
                    min-instances: 0
                    max-instances: "4"
                  instance:
                    cpu: 2 vCPU
                    memory: 4096
                """);

        assertThat(result.problems()).isEmpty();
        var config = result.config().orElseThrow();
        assertThat(config.models()).containsExactly(new ModelSource("s3://ml-models/resnet50/", "models/resnet50"),
                new ModelSource("s3://ml-models/tokenizer.json", "tokenizer.json"));
        assertThat(config.slipway()).isEqualTo(new SlipwaySection(
                new HealthCheckSettings(Protocol.HTTP, "/healthz", 10, 4, 2, 3, 120),
                new ScalingSettings(20, 0, 4),
                new InstanceSettings(2000, 4096)));
        assertThat(config.slipway().scaling().scalesToZero()).isTrue();
    }

    @Test
    void readsARequestTimeoutAndRejectsOneOutOfRange() {
        var longer = parse(MINIMAL + "slipway:\n  request-timeout: 3600\n");
        var tooLong = MINIMAL + "slipway:\n  request-timeout: 50000\n";

        assertThat(longer.problems()).isEmpty();
        assertThat(longer.config().orElseThrow().slipway().requestTimeoutSeconds()).isEqualTo(3600);
        assertThat(parse(MINIMAL).config().orElseThrow().slipway().requestTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(SlipwaySection.DEFAULT_REQUEST_TIMEOUT_SECONDS));
        assertThat(problems(tooLong)).singleElement().asString()
                .startsWith("apprunner.yaml:" + (MINIMAL.split("\n").length + 2) + ":20: error: slipway.request-timeout: ");
    }

    @Test
    void usesTheDefaultsWhenTheExtensionsAreAbsentOrEmpty() {
        var absent = parse(MINIMAL).config().orElseThrow();
        var empty = parse(MINIMAL + "models: []\nslipway:\n  health-check:\n  scaling: {}\n").config().orElseThrow();

        for (var config : List.of(absent, empty)) {
            assertThat(config.models()).isEmpty();
            assertThat(config.slipway()).isEqualTo(SlipwaySection.defaults());
        }
        assertThat(SlipwaySection.defaults().healthCheck()).isEqualTo(
                new HealthCheckSettings(Protocol.TCP, "/", 5, 2, 1, 5, 0));
        assertThat(SlipwaySection.defaults().scaling()).isEqualTo(new ScalingSettings(100, 1, 25));
        assertThat(SlipwaySection.defaults().instance()).isEqualTo(new InstanceSettings(1000, 2048));
    }

    @Test
    void reportsBadModelEntries() {
        assertThat(problems(MINIMAL + """
                models:
                  - source: https://example.com/model.bin
                    target: /opt/models
                  - source: s3://ML_Models/x
                    target: ../models
                  - s3://bucket/key
                  - source: s3://ml-models/a/
                    target: models
                  - source: s3://ml-models/b/
                    target: models/
                    sha256: abc
                  - target: models/c
                """)).containsExactly(
                "apprunner.yaml:10:13: error: models[0].source: \"https://example.com/model.bin\" is not an s3:// URI "
                        + "with a bucket; write e.g. source: s3://my-models/resnet50/",
                "apprunner.yaml:11:13: error: models[0].target: \"/opt/models\" is not a path inside the app; use a "
                        + "relative path without .., e.g. target: models/resnet50",
                "apprunner.yaml:12:13: error: models[1].source: \"s3://ML_Models/x\" is not an s3:// URI with a "
                        + "bucket; write e.g. source: s3://my-models/resnet50/",
                "apprunner.yaml:13:13: error: models[1].target: \"../models\" is not a path inside the app; use a "
                        + "relative path without .., e.g. target: models/resnet50",
                "apprunner.yaml:14:5: error: models[2]: expected an entry, found a string; write e.g. - {source: "
                        + "s3://my-models/resnet50/, target: models/resnet50}",
                "apprunner.yaml:18:13: warning: models[4].target: \"models\" is already a target at line 16, column "
                        + "13; give each model its own target",
                "apprunner.yaml:19:5: warning: models[4].sha256: unknown key; keys allowed here: source, target",
                "apprunner.yaml:20:5: error: models[5].source: required key is missing; add e.g. source: "
                        + "s3://my-models/resnet50/");
    }

    @Test
    void reportsHealthCheckValuesOutsideAppRunnersRanges() {
        assertThat(problems(MINIMAL + """
                slipway:
                  health-check:
                    protocol: HTTPS
                    path: health
                    interval: 30
                    timeout: 0
                    healthy-threshold: 5s
                    unhealthy-threshold: [3]
                    grace-period: 7200
                """)).containsExactly(
                "apprunner.yaml:11:15: error: slipway.health-check.protocol: \"HTTPS\" is not a health check "
                        + "protocol; use TCP or HTTP, e.g. protocol: HTTP",
                "apprunner.yaml:12:11: error: slipway.health-check.path: \"health\" is not an HTTP path; start it "
                        + "with /, e.g. path: /health",
                "apprunner.yaml:13:15: error: slipway.health-check.interval: \"30\" is not a valid interval; use an "
                        + "integer from 1 to 20, e.g. interval: 5",
                "apprunner.yaml:14:14: error: slipway.health-check.timeout: \"0\" is not a valid timeout; use an "
                        + "integer from 1 to 20, e.g. timeout: 2",
                "apprunner.yaml:15:24: error: slipway.health-check.healthy-threshold: \"5s\" is not a valid "
                        + "threshold; use an integer from 1 to 20, e.g. healthy-threshold: 1",
                "apprunner.yaml:16:26: error: slipway.health-check.unhealthy-threshold: expected an integer, found a "
                        + "list; write e.g. unhealthy-threshold: 5",
                "apprunner.yaml:17:19: error: slipway.health-check.grace-period: \"7200\" is not a valid grace "
                        + "period; use an integer from 0 to 3600, e.g. grace-period: 0");
    }

    @Test
    void warnsAboutAPathForATcpHealthCheck() {
        assertThat(problems(MINIMAL + "slipway:\n  health-check:\n    path: /health\n")).containsExactly(
                "apprunner.yaml:11:5: warning: slipway.health-check.path: only HTTP health checks use a path and the "
                        + "protocol is TCP; add protocol: HTTP or remove path");
    }

    @Test
    void reportsScalingOutsideItsRangesAndMinimumAboveMaximum() {
        assertThat(problems(MINIMAL + """
                slipway:
                  scaling:
                    max-concurrency: 500
                    min-instances: 26
                    max-instances: 0
                """)).containsExactly(
                "apprunner.yaml:11:22: error: slipway.scaling.max-concurrency: \"500\" is not a valid concurrency; use "
                        + "an integer from 1 to 200, e.g. max-concurrency: 100",
                "apprunner.yaml:12:20: error: slipway.scaling.min-instances: \"26\" is not a valid number of "
                        + "instances; use an integer from 0 to 25, e.g. min-instances: 1",
                "apprunner.yaml:13:20: error: slipway.scaling.max-instances: \"0\" is not a valid number of "
                        + "instances; use an integer of at least 1, e.g. max-instances: 25");
        assertThat(problems(MINIMAL + "slipway:\n  scaling:\n    min-instances: 5\n    max-instances: 3\n"))
                .containsExactly("apprunner.yaml:11:20: error: slipway.scaling.min-instances: min-instances 5 is above "
                        + "max-instances 3; lower min-instances or raise max-instances");
    }

    @Test
    void readsTheAutoscalersOwnSettingsAndReportsThemOutOfRange() {
        var read = parse(MINIMAL + """
                slipway:
                  scaling:
                    min-instances: 0
                    hard-limit: 1
                    stable-window: 10
                    scale-to-zero-after: 30
                """).config().orElseThrow().slipway().scaling();

        assertThat(read).isEqualTo(new ScalingSettings(100, 0, 25, 1, 10, 30));
        assertThat(read.scaleToZeroAfter()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(SlipwaySection.defaults().scaling().hardLimit()).isZero();
        assertThat(SlipwaySection.defaults().scaling().stableWindow()).isEqualTo(java.time.Duration.ofSeconds(60));
        assertThat(SlipwaySection.defaults().scaling().scaleToZeroAfter()).isEqualTo(java.time.Duration.ofMinutes(5));
        assertThat(problems(MINIMAL + """
                slipway:
                  scaling:
                    hard-limit: 0
                    stable-window: 0
                    scale-to-zero-after: 90000
                """)).containsExactly(
                "apprunner.yaml:11:17: error: slipway.scaling.hard-limit: \"0\" is not a valid number of requests; "
                        + "use an integer from 1 to 1000, e.g. hard-limit: 1",
                "apprunner.yaml:12:20: error: slipway.scaling.stable-window: \"0\" is not a valid window in seconds; "
                        + "use an integer from 1 to 3600, e.g. stable-window: 60",
                "apprunner.yaml:13:26: error: slipway.scaling.scale-to-zero-after: \"90000\" is not a valid idle "
                        + "time in seconds; use an integer from 1 to 86400, e.g. scale-to-zero-after: 300");
    }

    @Test
    void readsCpuAndMemoryAsAppRunnerWritesThem() {
        assertThat(instance("cpu: 256\n    memory: 512")).isEqualTo(new InstanceSettings(250, 512));
        assertThat(instance("cpu: \"0.25 vCPU\"\n    memory: 0.5 GB")).isEqualTo(new InstanceSettings(250, 512));
        assertThat(instance("cpu: 4096\n    memory: 12288 MB")).isEqualTo(new InstanceSettings(4000, 12288));
        assertThat(instance("cpu: 4 vcpu\n    memory: 10GB")).isEqualTo(new InstanceSettings(4000, 10240));
        assertThat(instance("cpu: 1\n    memory: 3")).isEqualTo(new InstanceSettings(1000, 3072));
        assertThat(instance("cpu: 0.5")).isEqualTo(new InstanceSettings(500, 2048));
    }

    @Test
    void rejectsSizesAppRunnerDoesNotHave() {
        assertThat(problems(MINIMAL + "slipway:\n  instance:\n    cpu: 3 vCPU\n    memory: 5 GB\n")).containsExactly(
                "apprunner.yaml:11:10: error: slipway.instance.cpu: \"3 vCPU\" is not a CPU size; use 256, 512, 1024, "
                        + "2048 or 4096 (units) or 0.25, 0.5, 1, 2 or 4 vCPU, e.g. cpu: 1 vCPU",
                "apprunner.yaml:12:13: error: slipway.instance.memory: \"5 GB\" is not a memory size; use 512, 1024, "
                        + "2048, 3072, 4096, 6144, 8192, 10240 or 12288 (MB) or 0.5, 1, 2, 3, 4, 6, 8, 10 or 12 GB, e.g. "
                        + "memory: 2 GB");
    }

    @Test
    void warnsButAcceptsACombinationAppRunnerDoesNotOffer() {
        var result = parse(MINIMAL + "slipway:\n  instance:\n    cpu: 1 vCPU\n    memory: 12 GB\n");

        assertThat(result.config().orElseThrow().slipway().instance()).isEqualTo(new InstanceSettings(1000, 12288));
        assertThat(result.problems()).map(ConfigProblem::format).containsExactly("apprunner.yaml:10:3: warning: "
                + "slipway.instance: 1 vCPU with 12 GB is not a size App Runner offers (with 1 vCPU it offers 2 GB, 3 GB "
                + "or 4 GB); Slipway runs it, choose an offered size to stay compatible with App Runner");
        assertThat(problems(MINIMAL + "slipway:\n  instance: {cpu: 0.25 vCPU}\n")).containsExactly("apprunner.yaml:10:3: "
                + "warning: slipway.instance: 0.25 vCPU with 2 GB is not a size App Runner offers (with 0.25 vCPU it "
                + "offers 0.5 GB or 1 GB); Slipway runs it, choose an offered size to stay compatible with App Runner");
    }

    @Test
    void rejectsSectionsOfTheWrongType() {
        assertThat(problems(MINIMAL + "models: {source: s3://a/b}\nslipway: [health-check]\n")).containsExactly(
                "apprunner.yaml:9:9: error: models: expected a list of entries, found a map; write each as a list "
                        + "item, e.g. - {source: s3://my-models/resnet50/, target: models/resnet50}",
                "apprunner.yaml:10:10: error: slipway: expected a map, found a list; write e.g. slipway: "
                        + "{health-check: {protocol: HTTP, path: /health}}");
    }

    private static InstanceSettings instance(String yaml) {
        var result = parse(MINIMAL + "slipway:\n  instance:\n    " + yaml + "\n");
        assertThat(result.errors()).as(yaml).isEmpty();
        return result.config().orElseThrow().slipway().instance();
    }
}
