package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.runtime.ManagedRuntime;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code docs/apprunner-yaml.md} documents every key and runtime, and its examples are valid files. */
class ReferenceDocTest {

    private static final Path REFERENCE = Path.of("..", "docs", Messages.REFERENCE.substring("docs/".length()));
    private static final Pattern YAML_BLOCK = Pattern.compile("(?m)^```yaml\\n(.*?)^```$", Pattern.DOTALL);

    private final String doc = SchemaConsistencyTest.read(REFERENCE);

    @Test
    void mentionsEveryKeyTheParserReads() {
        assertThat(Keys.allPaths()).allSatisfy(path -> assertThat(doc).as(path).contains("| `" + path + "` |"));
    }

    @Test
    void describesEveryRuntimeInTheTable() {
        var catalog = RuntimeCatalog.defaults();
        for (var runtime : ManagedRuntime.values()) {
            var row = "| `" + runtime.fileName() + "` | `" + runtime.apiName() + "` | " + runtime.description() + " | "
                    + runtime.buildProcess().name().toLowerCase(Locale.ROOT) + " | ";
            assertThat(doc).as(runtime.fileName()).contains(row);
            var line = doc.substring(doc.indexOf(row)).lines().findFirst().orElseThrow();
            var images = catalog.lookup(runtime.fileName()).orElseThrow();
            assertThat(line).contains("`" + images.buildCandidates().get(0) + "`")
                    .contains("`" + images.runCandidates().get(0) + "`")
                    .contains(runtime.offlineImage().map(image -> "`" + image + "` |").orElse("| — |"));
        }
    }

    @Test
    void everyYamlExampleIsAFileWithoutErrorsThatTheSchemaAccepts() {
        var schema = new SchemaCheck(SchemaConsistencyTest.read(SchemaConsistencyTest.SCHEMA));
        var examples = yamlBlocks();

        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        assertThat(examples).allSatisfy(example -> {
            assertThat(ParserProblemsTest.parse(example).errors()).as(example).isEmpty();
            var problems = new Problems("example");
            assertThat(schema.violations(YamlLoader.load(example, problems).orElseThrow())).as(example).isEmpty();
        });
    }

    @Test
    void showsTheFullExampleTheTestsUse() {
        assertThat(yamlBlocks()).contains(SchemaConsistencyTest.fullExample());
    }

    @Test
    void documentsTheCatalogOverridesAndTheFuzzCommand() {
        assertThat(doc).contains("python311" + RuntimeCatalog.RUN_SUFFIX + " = ", "{version}", "make fuzz-config",
                "--json", "fuzz.tries", "fuzz.seed");
    }

    private List<String> yamlBlocks() {
        var blocks = new ArrayList<String>();
        var matcher = YAML_BLOCK.matcher(doc);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }
}
