package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the parser over the 117 real {@code apprunner.yaml} files of the corpus (see
 * {@link CorpusFiles}); skips when the corpus is absent. The lines where each invalid file must
 * get a problem are pinned in {@code corpus-expectations.tsv}.
 */
class CorpusConformanceTest {

    private static final int CORPUS_SIZE = 117;
    private static final String INVALID_NOTE = "invalid";
    private static final String NOT_A_CONFIG_NOTE = "not an App Runner config";
    private static final String EXPECTATIONS = "/corpus-expectations.tsv";
    /** The files that are another tool's file, not an apprunner.yaml at all. */
    private static final List<String> NOT_CONFIGS = List.of("112", "113", "114", "115", "116", "117");
    /** Files the notes do not call invalid where Slipway reports an error on purpose. */
    private static final Map<String, String> STRICTER = Map.of(
            "024-NineSoftechOrg-vihariAPI.yaml", "run.network.env is a number, not a variable name",
            "055-PGR301-2021-03-cd-exercise.yaml", "no build section: build.commands.build is required",
            "060-AwaabElamin-Graduation.yaml", "only a pre-build phase: build.commands.build is required");

    private static Path corpus;
    private static Map<String, ConfigParseResult> results;

    @BeforeAll
    static void parseTheCorpus() {
        corpus = CorpusFiles.locate().orElse(null);
        results = new LinkedHashMap<>();
        if (corpus != null) {
            CorpusFiles.files(corpus).forEach(file -> results.put(name(file), parse(file)));
        }
    }

    // Checked per test, not in @BeforeAll: the test reports then show each skip with its reason.
    @BeforeEach
    void requireTheCorpus() {
        assumeTrue(corpus != null, CorpusFiles.whereLooked() + "; skipping the corpus tests");
    }

    @TestFactory
    Stream<DynamicTest> givesEveryFileAResultWithoutAnUnexpectedException() {
        return CorpusFiles.files(corpus).stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            var result = parse(file);
            var lines = CorpusFiles.text(file).lines().count();

            assertThat(result.config().isPresent()).isEqualTo(!result.hasErrors());
            assertThat(result.problems()).allSatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(name(file));
                assertThat(problem.line()).isBetween(0, (int) lines + 1);
                assertThat(problem.message()).contains("; ");
            });
        }));
    }

    @Test
    void hasTheFilesTheNotesDescribe() {
        assertThat(results).hasSize(CORPUS_SIZE);
        assertThat(CorpusFiles.notes(corpus).keySet()).containsExactlyElementsOf(results.keySet());
    }

    @Test
    void pinsTheExpectedLinesOfEveryFileTheNotesCallInvalid() {
        var invalid = CorpusFiles.notes(corpus).entrySet().stream().filter(e -> isInvalid(e.getValue()))
                .map(Map.Entry::getKey).toList();

        assertThat(expectations().keySet()).containsExactlyInAnyOrderElementsOf(invalid);
    }

    @Test
    void reportsAProblemAtEveryExpectedLineOfEveryInvalidFile() {
        var missed = new TreeMap<String, String>();
        expectations().forEach((file, lines) -> {
            var reported = results.get(file).problems().stream().map(ConfigProblem::line).collect(Collectors.toSet());
            var notReported = lines.stream().filter(line -> !reported.contains(line)).toList();
            if (!notReported.isEmpty()) {
                missed.put(file, "no problem at line(s) " + notReported + "; problems: " + results.get(file).problems());
            }
        });

        assertThat(missed).isEmpty();
    }

    @Test
    void rejectsTheFilesThatAreNotAppRunnerConfigsWithOneError() {
        var notConfigs = results.entrySet().stream().filter(e -> NOT_CONFIGS.contains(e.getKey().substring(0, 3)))
                .toList();

        assertThat(notConfigs).hasSize(NOT_CONFIGS.size()).allSatisfy(e -> {
            assertThat(e.getValue().config()).as(e.getKey()).isEmpty();
            assertThat(e.getValue().problems()).as(e.getKey()).singleElement().satisfies(problem -> {
                assertThat(problem.isError()).isTrue();
                assertThat(problem.message()).matches("(expected a map with version, runtime, build and run, "
                        + "found .*; is this an apprunner.yaml\\?.*|invalid YAML: .*)");
            });
        });
    }

    @Test
    void acceptsEveryFileTheNotesDoNotCallInvalid() {
        var rejected = CorpusFiles.notes(corpus).entrySet().stream()
                .filter(e -> !isInvalid(e.getValue()) && results.get(e.getKey()).hasErrors())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> results.get(e.getKey()).errors().toString()));

        assertThat(rejected.keySet()).containsExactlyInAnyOrderElementsOf(STRICTER.keySet());
    }

    @Test
    void printsASummaryTable() {
        var rows = new LinkedHashMap<String, int[]>();
        var notes = CorpusFiles.notes(corpus);
        for (var file : results.keySet()) {
            var note = notes.get(file);
            var row = rows.computeIfAbsent(note.startsWith(NOT_A_CONFIG_NOTE) ? NOT_A_CONFIG_NOTE
                    : isInvalid(note) ? "notes say invalid" : "notes say valid", k -> new int[3]);
            var result = results.get(file);
            row[result.hasErrors() ? 2 : result.problems().isEmpty() ? 0 : 1]++;
        }
        var table = new StringBuilder("apprunner.yaml corpus: " + results.size() + " files\n")
                .append(String.format("%-26s %9s %24s %9s%n", "", "accepted", "accepted with warnings", "rejected"));
        var totals = new int[3];
        rows.forEach((label, counts) -> {
            table.append(String.format("%-26s %9d %24d %9d%n", label, counts[0], counts[1], counts[2]));
            Arrays.setAll(totals, i -> totals[i] + counts[i]);
        });
        table.append(String.format("%-26s %9d %24d %9d%n", "total", totals[0], totals[1], totals[2]));
        System.out.print(table);

        assertThat(Arrays.stream(totals).sum()).isEqualTo(results.size());
    }

    /** File → the lines where a problem is expected, from {@value #EXPECTATIONS}. */
    private static Map<String, List<Integer>> expectations() {
        try (InputStream in = CorpusConformanceTest.class.getResourceAsStream(EXPECTATIONS)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.startsWith("file\t") && !line.isBlank())
                    .map(line -> line.split("\t"))
                    .collect(Collectors.toMap(columns -> columns[0], columns -> Arrays.stream(columns[1].split(","))
                            .map(String::strip).map(Integer::valueOf).toList(), (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isInvalid(String note) {
        return note.contains(INVALID_NOTE) || note.startsWith(NOT_A_CONFIG_NOTE);
    }

    private static ConfigParseResult parse(Path file) {
        return AppRunnerYamlParser.parse(name(file), CorpusFiles.text(file));
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
