package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.config.runtime.ManagedRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code docs/apprunner.schema.json} describes exactly what the parser reads. */
class SchemaConsistencyTest {

    static final Path SCHEMA = Path.of("..", "docs", "apprunner.schema.json");
    static final String FULL_EXAMPLE = "/full-apprunner.yaml";
    private static final Path HELLO_PYTHON = Path.of("..", "examples", "hello-python", "apprunner.yaml");

    private final SchemaCheck schema = new SchemaCheck(read(SCHEMA));

    @Test
    void describesExactlyTheKeysTheParserReads() {
        assertThat(schema.keyPaths()).containsExactlyInAnyOrderElementsOf(Keys.allPaths());
    }

    @Test
    void describesEveryKey() {
        assertThat(schema.properties()).allSatisfy((path, property) ->
                assertThat(property.get("description")).as(path).isInstanceOf(String.class));
    }

    @Test
    void usesOnlyTheKeywordsTheStructuralCheckUnderstands() {
        assertThat(schema.keywords()).isSubsetOf(SchemaCheck.KEYWORDS);
        assertThat(schema.root().get("$schema")).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void listsEveryRuntimeNameAndApiFormAndNothingTheParserRejects() {
        var names = new ArrayList<String>();
        for (var runtime : ManagedRuntime.values()) {
            names.add(runtime.fileName());
            names.add(runtime.apiName());
        }

        assertThat(runtimeEnum()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(runtimeEnum()).allSatisfy(name -> assertThat(AppRunnerYamlParser.parse("apprunner.yaml",
                AppRunnerYamlParserTest.minimal().replace("python3\n", name + "\n")).errors()).as(name).isEmpty());
    }

    @Test
    void acceptsTheHelloExampleAndTheFullExample() {
        assumeTrue(Files.exists(HELLO_PYTHON), "example not found at " + HELLO_PYTHON.toAbsolutePath());

        assertThat(violations(read(HELLO_PYTHON))).isEmpty();
        assertThat(violations(fullExample())).isEmpty();
        assertThat(ParserProblemsTest.parse(fullExample()).problems()).isEmpty();
    }

    @Test
    void rejectsWhatTheParserWarnsAboutOrRejects() {
        assertThat(violations(AppRunnerYamlParserTest.minimal() + "  port: 8080\n"))
                .containsExactly("run.port: not allowed");
        assertThat(violations(AppRunnerYamlParserTest.minimal().replace("python3\n", "python3.11\n")))
                .singleElement().asString().startsWith("runtime: \"python3.11\" is not one of");
        assertThat(violations(fullExample().replace("interval: 10", "interval: 30")))
                .containsExactly("slipway.health-check.interval: 30 is out of range");
        assertThat(violations(fullExample().replace("memory: 2 GB", "memory: 5 GB")))
                .containsExactly("slipway.instance.memory: \"5 GB\" matches none of anyOf");
        assertThat(violations(fullExample().replace("target: models/sentiment", "target: ../models")))
                .singleElement().asString().startsWith("models[0].target: \"../models\" does not match");
        assertThat(violations("version: 1.0\nruntime: go1\nbuild: {}\n")).containsExactlyInAnyOrder("build.commands: required",
                "run: required");
    }

    static String fullExample() {
        try (var in = SchemaConsistencyTest.class.getResourceAsStream(FULL_EXAMPLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> violations(String yaml) {
        var problems = new Problems("apprunner.yaml");
        var document = YamlLoader.load(yaml, problems).orElseThrow();
        assertThat(problems.all()).isEmpty();
        return schema.violations(document);
    }

    @SuppressWarnings("unchecked")
    private List<String> runtimeEnum() {
        var properties = (Map<String, Object>) schema.root().get("properties");
        return (List<String>) ((Map<String, Object>) properties.get("runtime")).get("enum");
    }
}
