package dev.slipway.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInfo;

/**
 * Compares text with {@code src/test/resources/golden/<TestClass>/<method>.txt}. Run the tests
 * with {@code -Dgolden.update=true} to rewrite the files after an intended change.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");
    private static final String UPDATE_PROPERTY = "golden.update";

    private Golden() {
    }

    public static void assertMatches(TestInfo test, String actual) throws IOException {
        var file = ROOT.resolve(test.getTestClass().orElseThrow().getSimpleName())
                .resolve(test.getTestMethod().orElseThrow().getName() + ".txt");
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create or update it with -D%s=true)", file, UPDATE_PROPERTY).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
