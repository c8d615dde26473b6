package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the parser over the real {@code apprunner.yaml} files in {@code shared/corpus/apprunner-yaml}
 * (found next to the project root). Skips when the corpus is absent.
 */
class CorpusTest {

    private static final Path CORPUS_PATH = Path.of("shared", "corpus", "apprunner-yaml");
    private static final String INVALID_NOTE = "invalid";
    private static final String NOT_A_CONFIG_NOTE = "not an App Runner config";
    /** Files the notes do not call invalid where Slipway reports an error on purpose. */
    private static final Map<String, String> STRICTER = Map.of(
            "024-NineSoftechOrg-vihariAPI.yaml", "run.network.env is a number, not a variable name",
            "055-PGR301-2021-03-cd-exercise.yaml", "no build section: build.commands.build is required",
            "060-AwaabElamin-Graduation.yaml", "only a pre-build phase: build.commands.build is required");

    private static Path corpus;

    @BeforeAll
    static void findCorpus() {
        corpus = locate().orElse(null);
        assumeTrue(corpus != null, "corpus not found: no " + CORPUS_PATH + " above " + Path.of("").toAbsolutePath()
                + "; skipping the corpus tests");
    }

    @TestFactory
    Stream<DynamicTest> parsesEveryFileWithoutThrowing() throws IOException {
        return files().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            var text = Files.readString(file);
            var result = AppRunnerYamlParser.parse(file.getFileName().toString(), text);
            var lines = text.lines().count();

            assertThat(result).isNotNull();
            assertThat(result.config().isPresent()).isEqualTo(!result.hasErrors());
            assertThat(result.problems()).allSatisfy(problem -> {
                assertThat(problem.file()).isEqualTo(file.getFileName().toString());
                assertThat(problem.line()).isBetween(0, (int) lines + 1);
                assertThat(problem.message()).contains("; ");
            });
        }));
    }

    @Test
    void hasTheFilesTheNotesDescribe() throws IOException {
        assertThat(files()).hasSize(117);
        assertThat(notes()).hasSize(117);
    }

    @Test
    void reportsAProblemInEveryFileTheNotesCallInvalid() throws IOException {
        var silent = notes().entrySet().stream()
                .filter(e -> e.getValue().contains(INVALID_NOTE) || e.getValue().startsWith(NOT_A_CONFIG_NOTE))
                .filter(e -> parse(e.getKey()).problems().isEmpty())
                .map(Map.Entry::getKey)
                .toList();

        assertThat(silent).isEmpty();
    }

    @Test
    void acceptsEveryFileTheNotesDoNotCallInvalid() throws IOException {
        var rejected = notes().entrySet().stream()
                .filter(e -> !e.getValue().contains(INVALID_NOTE) && !e.getValue().startsWith(NOT_A_CONFIG_NOTE))
                .filter(e -> parse(e.getKey()).hasErrors())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> parse(e.getKey()).errors().toString()));

        assertThat(rejected.keySet()).containsExactlyInAnyOrderElementsOf(STRICTER.keySet());
    }

    private static ConfigParseResult parse(String fileName) {
        try {
            return AppRunnerYamlParser.parse(fileName, Files.readString(corpus.resolve(fileName)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> files() throws IOException {
        try (var stream = Files.list(corpus)) {
            return stream.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** File name → the notes column of SOURCES.tsv. */
    private static Map<String, String> notes() throws IOException {
        return Files.readAllLines(corpus.resolve("SOURCES.tsv")).stream()
                .skip(1)
                .map(line -> line.split("\t"))
                .collect(Collectors.toMap(columns -> columns[0], columns -> columns[columns.length - 1]));
    }

    private static Optional<Path> locate() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(CORPUS_PATH))) {
                return Optional.of(dir.resolve(CORPUS_PATH));
            }
        }
        return Optional.empty();
    }
}
