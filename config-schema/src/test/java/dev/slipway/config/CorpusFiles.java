package dev.slipway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The corpus of real {@code apprunner.yaml} files in {@code shared/corpus/apprunner-yaml}: found
 * through the {@value #PROPERTY} system property, else next to the repository
 * ({@code ../shared/corpus} from its root) or any directory above the working directory.
 */
final class CorpusFiles {

    static final String PROPERTY = "slipway.corpus";
    private static final Path CORPUS_PATH = Path.of("shared", "corpus", "apprunner-yaml");
    private static final String NOTES = "SOURCES.tsv";

    private CorpusFiles() {
    }

    static Optional<Path> locate() {
        var configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isDirectory);
        }
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(CORPUS_PATH))) {
                return Optional.of(dir.resolve(CORPUS_PATH));
            }
        }
        return Optional.empty();
    }

    static String whereLooked() {
        return "no corpus: set -D" + PROPERTY + "=DIR or put " + CORPUS_PATH + " above " + Path.of("").toAbsolutePath();
    }

    /** The corpus's {@code .yaml} files, sorted by name. */
    static List<Path> files(Path corpus) {
        try (var stream = Files.list(corpus)) {
            return stream.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** File name → the notes column of SOURCES.tsv, in file order. */
    static Map<String, String> notes(Path corpus) {
        var notes = new LinkedHashMap<String, String>();
        read(corpus.resolve(NOTES)).stream().skip(1).map(line -> line.split("\t"))
                .forEach(columns -> notes.put(columns[0], columns[columns.length - 1]));
        return notes;
    }

    /** The file's text exactly as stored: line endings, byte order mark and missing final newline kept. */
    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
