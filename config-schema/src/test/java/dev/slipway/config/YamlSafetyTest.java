package dev.slipway.config;

import static dev.slipway.config.ParserProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invalid YAML, hostile YAML and YAML features an apprunner.yaml must not rely on. */
class YamlSafetyTest {

    private static final Duration QUICKLY = Duration.ofSeconds(2);
    private static final String MINIMAL = AppRunnerYamlParserTest.minimal();

    @Test
    void locatesASyntaxError() {
        assertThat(problems("""
                version: 1.0
                runtime: python3
                build:
                  commands:
                    build:
                      - pip install
                   bad: indent
                run:
                  command: x
                """)).containsExactly("apprunner.yaml:7:4: error: invalid YAML: while parsing a block mapping at line "
                + "4, column 3: expected <block end>, but found '<block mapping start>'; check the indentation, colons "
                + "and quotes here");
    }

    @Test
    void locatesAnUnquotedColonAndATab() {
        assertThat(problems("version: 1.0\nruntime: python3\nrun:\n  command: echo a: b\n")).containsExactly(
                "apprunner.yaml:4:18: error: invalid YAML: mapping values are not allowed here; check the "
                        + "indentation, colons and quotes here");
        assertThat(problems("version: 1.0\nrun:\n\tcommand: x\n")).containsExactly(
                "apprunner.yaml:3:1: error: invalid YAML: found character '\\t(TAB)' that cannot start any token. "
                        + "(Do not use \\t(TAB) for indentation); check the indentation, colons and quotes here");
    }

    @Test
    void reportsDuplicateKeysWithBothLocations() {
        assertThat(problems(MINIMAL + "  network:\n    port: 1\n    port: 2\nversion: 2\n")).containsExactly(
                "apprunner.yaml:11:5: error: run.network.port: duplicate key, first set at line 10, column 5; keep "
                        + "only one",
                "apprunner.yaml:12:1: error: version: duplicate key, first set at line 1, column 1; keep only one");
    }

    @Test
    void rejectsCustomTagsWithoutConstructingAnything() {
        assertThat(problems(MINIMAL + """
                  env:
                    - name: A
                      value: !Ref Param
                    - name: B
                      value: !!binary aGVsbG8=
                    - name: C
                      value: !!python/object:os.system x
                """)).containsExactly(
                "apprunner.yaml:11:14: error: run.env[0].value: tag !Ref is not allowed; apprunner.yaml holds "
                        + "plain values, remove the tag",
                "apprunner.yaml:13:14: error: run.env[1].value: tag !!binary is not allowed; apprunner.yaml holds "
                        + "plain values, remove the tag",
                "apprunner.yaml:15:14: error: run.env[2].value: tag !!python/object:os.system is not allowed; "
                        + "apprunner.yaml holds plain values, remove the tag");
    }

    @Test
    void readsDatesAndOtherImplicitTypesAsTheirText() {
        var result = ParserProblemsTest.parse(MINIMAL + "  env:\n    - name: A\n      value: 2024-01-01\n");

        assertThat(result.config().orElseThrow().run().env()).containsExactly(new EnvVar("A", "2024-01-01"));
    }

    @Test
    void rejectsAnAliasBombQuickly() {
        var bomb = new StringBuilder(MINIMAL + "x-bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++) {
            bomb.append("  a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }

        var found = assertTimeoutPreemptively(QUICKLY, () -> problems(bomb.toString()));

        // a1 to a5 hold 45 aliases to lists; the 6th alias of a6 (line 16, column 37) is the 51st.
        assertThat(found).containsExactly("apprunner.yaml:16:37: error: invalid YAML: more than 50 aliases to lists "
                + "or maps, this is one too many; write the values out instead");
    }

    @Test
    void readsSharedAliasesOnceSoDeepSharingStaysCheap() {
        // 24 levels of two aliases each: 2^24 paths if expanded, under the alias limit.
        var yaml = new StringBuilder("version: 1.0\nruntime: python3\nx0: &x0 [a, b]\n");
        for (var i = 1; i < 25; i++) {
            yaml.append("x").append(i).append(": &x").append(i).append(" [*x").append(i - 1).append(", *x")
                    .append(i - 1).append("]\n");
        }
        yaml.append("build:\n  commands:\n    build: *x24\nrun:\n  command: x\n");

        var found = assertTimeoutPreemptively(QUICKLY, () -> ParserProblemsTest.parse(yaml.toString()));

        assertThat(found.errors()).hasSize(2).allSatisfy(p -> assertThat(p.message()).startsWith(
                "expected a command, found a list"));
    }

    @Test
    void rejectsHugeInputQuickly() {
        var huge = MINIMAL + "# " + "x".repeat(YamlLoader.MAX_CODE_POINTS) + "\n";

        var found = assertTimeoutPreemptively(QUICKLY, () -> problems(huge));

        assertThat(found).containsExactly("apprunner.yaml: error: the file is larger than 1 MiB (1048576 "
                + "characters); an apprunner.yaml holds only build and run settings, so shorten it");
    }

    @Test
    void rejectsDeepNestingWhereItGoesTooDeep() {
        // The top-level map is level 0 and x's list level 1, so the 51st [ (column 54) is one too deep.
        assertThat(problems(MINIMAL + "x: " + "[".repeat(100) + "]".repeat(100) + "\n")).containsExactly(
                "apprunner.yaml:9:54: error: invalid YAML: lists and maps nested more than 50 levels deep here; an "
                        + "apprunner.yaml needs about five levels, so flatten them");
    }

    @Test
    void rejectsDeepBlockNestingAtTheFirstKeyTooDeep() {
        var yaml = new StringBuilder(MINIMAL + "x:\n");
        for (var level = 1; level <= 60; level++) {
            yaml.append(" ".repeat(level)).append("a:\n");
        }

        // Line 9 + n holds the map at level n; the key of the map at level 50 is the first node 51 levels deep.
        assertThat(problems(yaml + " ".repeat(61) + "b: c\n")).containsExactly("apprunner.yaml:59:51: error: "
                + "invalid YAML: lists and maps nested more than 50 levels deep here; an apprunner.yaml needs about "
                + "five levels, so flatten them");
    }

    @Test
    void rejectsARecursiveAlias() {
        assertThat(problems("""
                version: 1.0
                runtime: python3
                build: &b
                  commands:
                    build: [x]
                  env: *b
                run:
                  command: x
                """)).containsExactly("apprunner.yaml:3:8: error: build.env: alias refers to the value that "
                + "contains it; write the value out instead");
    }

    @Test
    void rejectsASecondDocumentAndAnUndefinedAlias() {
        assertThat(problems(MINIMAL + "---\nversion: 1.0\n")).containsExactly("apprunner.yaml:10:1: error: a second "
                + "YAML document starts here; an apprunner.yaml holds one, remove the extra ---");
        assertThat(problems(MINIMAL + "  env: *nope\n")).containsExactly("apprunner.yaml:9:8: error: invalid YAML: "
                + "found undefined alias nope; check the indentation, colons and quotes here");
    }

    @Test
    void acceptsADocumentStartMarker() {
        assertThat(problems("---\n" + MINIMAL)).isEmpty();
    }

    @Test
    void rejectsMergingSomethingOtherThanAMapAndKeysThatAreNotNames() {
        assertThat(problems(MINIMAL + "  network:\n    <<: 8080\n  ? [a, b]\n  : c\n")).containsExactly(
                "apprunner.yaml:10:9: error: run.network: << must name a map or a list of maps, found a number; "
                        + "merge only maps",
                "apprunner.yaml:11:5: error: run: a key must be a plain name, not a list or a map; write name: value");
    }
}
