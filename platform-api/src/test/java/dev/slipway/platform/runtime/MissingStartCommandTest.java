package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which command a shell did not find, from what the shell said, and the reason that names it. */
class MissingCommandTest {

    @Test
    void readsTheCommandFromWhatEachShellSays() {
        assertThat(MissingStartCommand.fromOutput(List.of("sh: 1: gunicorn: not found"))).hasValue("gunicorn");
        assertThat(MissingStartCommand.fromOutput(List.of("/bin/sh: 1: exec: uvicorn: not found"))).hasValue("uvicorn");
        assertThat(MissingStartCommand.fromOutput(List.of("bash: line 1: npm: command not found"))).hasValue("npm");
        assertThat(MissingStartCommand.fromOutput(List.of("sh: 1: ./start.sh: not found"))).hasValue("./start.sh");
        assertThat(MissingStartCommand.fromOutput(List.of("/usr/bin/env: \u2018python\u2019: No such file or directory")))
                .hasValue("python");
        assertThat(MissingStartCommand.fromOutput(List.of("FileNotFoundError: model not found", "done"))).isEmpty();
    }

    @Test
    void theNewestLineThatSaysSoCounts() {
        assertThat(MissingStartCommand.fromOutput(List.of("sh: 1: first: not found", "sh: 1: second: not found")))
                .hasValue("second");
    }

    @Test
    void withoutSuchALineTheStartCommandsFirstProgramIsNamed() {
        var reason = MissingStartCommand.describe(artifact(Optional.of("WORKERS=2 gunicorn app:app")), "the image x:1", List.of());

        assertThat(reason).isEqualTo("the start command `WORKERS=2 gunicorn app:app` exited with 127 (command not"
                + " found): gunicorn is not in the image x:1; install it in the build commands, or correct the start command");
    }

    @Test
    void anImagesOwnCommandIsToldToBeFixedInTheDockerfile() {
        var reason = MissingStartCommand.describe(artifact(Optional.empty()), "the image x:1",
                List.of("/bin/sh: 1: serve: not found"));

        assertThat(reason).isEqualTo("the image's command exited with 127 (command not found): serve is not in the"
                + " image x:1; install it in the Dockerfile, or correct its CMD");
    }

    private static Artifact artifact(Optional<String> command) {
        return new Artifact(Artifact.Kind.IMAGE, "sha256:0", new RunSettings(command, 8080, Optional.empty(), Map.of()));
    }
}
