package dev.slipway.platform.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The apps under {@code examples/} at the root of the repository. */
public final class Examples {

    private Examples() {
    }

    public static Path directory(String example) {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve("examples").resolve(example);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/" + example + " not found above " + Path.of("").toAbsolutePath());
    }
}
