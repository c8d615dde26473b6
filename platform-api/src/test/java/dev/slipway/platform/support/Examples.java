package dev.slipway.platform.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The apps under {@code examples/} and {@code test-apps/} at the root of the repository. */
public final class Examples {

    private Examples() {
    }

    /** {@code examples/<example>}. */
    public static Path directory(String example) {
        return find("examples", example);
    }

    /** {@code test-apps/<app>}: apps written as App Runner users write them, for tests only. */
    public static Path testApp(String app) {
        return find("test-apps", app);
    }

    private static Path find(String parent, String name) {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve(parent).resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(parent + "/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
