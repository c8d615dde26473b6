package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.DocumentMutations.Kind;
import dev.slipway.config.DocumentMutations.Mutation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Whatever the input, the parser ends quickly with a consistent {@link ConfigParseResult}
 * and never throws. Inputs are mutated real files (the corpus when present, the example, a full
 * example) and random documents, drawn from a seeded generator: {@code make test} runs
 * {@value #DEFAULT_TRIES} of each with a new seed every run; {@code make fuzz-config} runs many more
 * ({@code -Dfuzz.tries}). A failure names its seed; {@code -Dfuzz.seed} replays it.
 */
class ParserFuzzTest {

    /** Generous for one file of at most 1 MiB; a real file takes well under a millisecond. */
    private static final Duration PER_INPUT = Duration.ofSeconds(2);
    private static final String FILE = "fuzz.yaml";
    private static final Path HELLO_PYTHON = Path.of("..", "examples", "hello-python", "apprunner.yaml");
    private static final List<String> SEEDS = seeds();
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "fuzzed-parse");
        thread.setDaemon(true);
        return thread;
    });

    static final int DEFAULT_TRIES = 500;
    private static final int MAX_MUTATIONS = 8;
    private static final int MAX_RANDOM_TEXT = 6;
    private static final int TRIES = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());

    @Test
    void aMutatedRealFileEndsQuicklyWithAConsistentResult() {
        tries("mutated file", random -> {
            var mutations = new ArrayList<Mutation>();
            for (int i = 0, n = 1 + random.nextInt(MAX_MUTATIONS); i < n; i++) {
                mutations.add(new Mutation(pick(random, List.of(Kind.values())), random.nextInt(), random.nextInt(),
                        random.nextBoolean() ? pick(random, DocumentMutations.FRAGMENTS) : randomText(random)));
            }
            return DocumentMutations.apply(pick(random, SEEDS), mutations);
        });
    }

    @Test
    void aRandomDocumentEndsQuicklyWithAConsistentResult() {
        tries("random document", RandomDocuments::document);
    }

    /** {@link #TRIES} inputs from the run's seed; a failure names the seed and the input. */
    private static void tries(String what, Function<Random, String> generator) {
        var random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            var yaml = generator.apply(random);
            try {
                check(yaml);
            } catch (AssertionError e) {
                throw new AssertionError("fails for the " + what + " of try " + i + " (replay with -Dfuzz.seed="
                        + SEED + "):\n" + yaml, e);
            }
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String randomText(Random random) {
        var text = new StringBuilder();
        for (int i = 0, n = random.nextInt(MAX_RANDOM_TEXT + 1); i < n; i++) {
            text.append((char) random.nextInt(0x3000));
        }
        return text.toString();
    }

    private static void check(String yaml) {
        var result = parseWithin(yaml);

        assertThat(result).isNotNull();
        assertThat(result.config().isPresent()).as("config present iff no errors").isEqualTo(!result.hasErrors());
        assertThat(result.problems()).allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(FILE);
            assertThat(problem.line()).isGreaterThanOrEqualTo(0);
            assertThat(problem.column()).isGreaterThanOrEqualTo(0);
            assertThat(problem.message()).isNotBlank();
        });
        assertThat(new ValidationReport(FILE, result.problems()).toJson()).startsWith("{");
    }

    private static ConfigParseResult parseWithin(String yaml) {
        var future = PARSER.submit(() -> AppRunnerYamlParser.parse(FILE, yaml));
        try {
            return future.get(PER_INPUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("parsing took longer than " + PER_INPUT + " for:\n" + yaml, e);
        } catch (ExecutionException e) {
            throw new AssertionError("parsing threw " + e.getCause() + " for:\n" + yaml, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> seeds() {
        var seeds = new ArrayList<String>();
        seeds.add(AppRunnerYamlParserTest.minimal());
        seeds.add(SchemaConsistencyTest.fullExample());
        if (Files.exists(HELLO_PYTHON)) {
            seeds.add(SchemaConsistencyTest.read(HELLO_PYTHON));
        }
        CorpusFiles.locate().ifPresent(corpus -> CorpusFiles.files(corpus).forEach(f -> seeds.add(CorpusFiles.text(f))));
        return List.copyOf(seeds);
    }
}
