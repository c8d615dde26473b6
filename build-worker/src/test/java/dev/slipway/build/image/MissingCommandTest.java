package dev.slipway.build.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissingCommandTest {

    @Test
    void readsTheCommandFromWhatEachShellSays() {
        assertThat(MissingCommand.in(List.of("sh: 1: mvn: not found"))).contains("mvn");
        assertThat(MissingCommand.in(List.of("/bin/sh: 1: ./gradlew: not found"))).contains("./gradlew");
        assertThat(MissingCommand.in(List.of("bash: line 1: yarn: command not found"))).contains("yarn");
        assertThat(MissingCommand.in(List.of("bash: composer: command not found"))).contains("composer");
        assertThat(MissingCommand.in(List.of("sh: bundle: not found"))).contains("bundle");
        assertThat(MissingCommand.in(List.of("./build.sh: 3: go: not found"))).contains("go");
        assertThat(MissingCommand.in(List.of("/usr/bin/env: 'python': No such file or directory"))).contains("python");
        assertThat(MissingCommand.in(List.of("/usr/bin/env: ‘node’: No such file or directory"))).contains("node");
    }

    @Test
    void takesTheLastLineThatNamesOne() {
        assertThat(MissingCommand.in(List.of("sh: 1: first: not found", "compiling", "sh: 1: second: not found",
                "done"))).contains("second");
    }

    @Test
    void findsNothingInOtherOutput() {
        assertThat(MissingCommand.in(List.of())).isEmpty();
        assertThat(MissingCommand.in(List.of("npm ERR! 404 Not Found - GET https://registry.npmjs.org/nope",
                "error: package not found", "File not found: app.py"))).isEmpty();
    }

    @Test
    void describesTheMissingCommandOrSaysOneWasMissing() {
        assertThat(MissingCommand.describe(List.of("sh: 1: mvn: not found"))).isEqualTo("mvn: command not found");
        assertThat(MissingCommand.describe(List.of("oops"))).isEqualTo("a command it runs was not found");
    }

    @Test
    void aFailureWithExitCode127NamesTheMissingCommandAndWhereItWasLookedFor() {
        var failure = BuildFailedException.commandFailed("build", "mvn -B package", 127, List.of("sh: 1: mvn: not found"));

        assertThat(failure.commandNotFound()).isTrue();
        assertThat(failure).hasMessage("build command `mvn -B package` failed with exit code 127: mvn: command not found"
                + "\nlast 1 line of output:\n  sh: 1: mvn: not found");
        assertThat(failure.notFoundIn("in base image x:1; install it in pre-build")).hasMessage("build command "
                + "`mvn -B package` failed with exit code 127: mvn: command not found in base image x:1; install it in"
                + " pre-build\nlast 1 line of output:\n  sh: 1: mvn: not found");
    }

    @Test
    void otherFailuresStayAsTheyAre() {
        var failure = BuildFailedException.commandFailed("build", "false", 1, List.of());

        assertThat(failure.commandNotFound()).isFalse();
        assertThat(failure.notFoundIn("in base image x:1")).isSameAs(failure)
                .hasMessage("build command `false` failed with exit code 1\n(the command printed nothing)");
    }
}
