package dev.slipway.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {

    @TempDir
    Path directory;

    @Test
    void isTheNearestDirectoryWithAMakefileAndAPomAboveTheModule() throws Exception {
        Files.writeString(directory.resolve("Makefile"), "build:\n");
        Files.writeString(directory.resolve("pom.xml"), "<project/>\n");
        var module = Files.createDirectories(directory.resolve("platform-api"));
        Files.writeString(module.resolve("pom.xml"), "<project/>\n");

        assertThat(RepositoryRoot.above(module)).isEqualTo(directory.toAbsolutePath().normalize());
        assertThat(RepositoryRoot.above(directory)).isEqualTo(directory.toAbsolutePath().normalize());
    }

    @Test
    void theBuildsOwnDirectoryLiesInTheRepository() {
        assertThat(RepositoryRoot.current().resolve("examples/hello-python")).isDirectory();
    }

    @Test
    void aDirectoryOutsideAnyRepositoryHasNone() {
        assertThatThrownBy(() -> RepositoryRoot.above(directory)).isInstanceOf(IllegalStateException.class);
    }
}
