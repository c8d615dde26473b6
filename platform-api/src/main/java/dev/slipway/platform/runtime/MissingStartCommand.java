package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.MissingCommand;
import java.util.List;
import java.util.Optional;

/**
 * Why an app whose start command exited with 127 did not start: the shell did not find a command.
 * Names the command from what the shell said ({@code sh: 1: gunicorn: not found}), else the first
 * word of the start command, and where it was looked for.
 */
final class MissingStartCommand {

    /** What a shell exits with when it does not find a command. */
    static final int EXIT_CODE = MissingCommand.EXIT_CODE;

    private static final String QUOTES = "'\"`\u2018\u2019";

    private MissingStartCommand() {
    }

    /**
     * {@code the start command `gunicorn app:app` exited with 127 (command not found): gunicorn is
     * not in the image slipway/hello:d-1; install it in the build commands}.
     *
     * @param source    where the command was looked for ({@link ContainerRuntime#commandSource})
     * @param lastLines the app's last output, oldest first
     */
    static String describe(Artifact artifact, String source, List<String> lastLines) {
        var command = artifact.run().command();
        var missing = fromOutput(lastLines).or(() -> command.flatMap(MissingStartCommand::firstWord));
        var what = command.map(c -> "the start command `" + c + "`").orElse("the image's command");
        return what + " exited with " + EXIT_CODE + " (command not found): "
                + missing.map(name -> name + " is").orElse("a command it runs is") + " not in " + source
                + (command.isPresent() ? "; install it in the build commands, or correct the start command"
                        : "; install it in the Dockerfile, or correct its CMD");
    }

    /** The command the shell (or env) said it did not find, in the newest line that says so. */
    static Optional<String> fromOutput(List<String> lastLines) {
        return MissingCommand.in(lastLines).map(MissingStartCommand::unquote).filter(name -> !name.isEmpty());
    }

    /** The program a command line runs first, past variable assignments ({@code FOO=1 gunicorn …}). */
    private static Optional<String> firstWord(String command) {
        for (var word : command.strip().split("\\s+")) {
            if (!word.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                return Optional.of(unquote(word)).filter(name -> !name.isEmpty());
            }
        }
        return Optional.empty();
    }

    private static String unquote(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && QUOTES.indexOf(word.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && QUOTES.indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(start, end);
    }
}
