package dev.slipway.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root directory, whichever directory the benchmark runs in: Maven's exec plugin
 * runs it in the module's directory when started from the root with {@code -pl}.
 */
final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** The nearest directory at or above {@code start} that holds both a Makefile and a pom.xml. */
    static Path above(Path start) {
        for (var dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("Makefile")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with a Makefile and a pom.xml at or above " + start);
    }

    static Path current() {
        return above(Path.of(""));
    }
}
