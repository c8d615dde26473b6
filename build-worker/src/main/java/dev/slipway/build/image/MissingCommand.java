package dev.slipway.build.image;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads which command a shell could not find from a failed command's output: a command that
 * exits with {@value #EXIT_CODE} ran something that is not on {@code PATH}, and the shell said
 * which, e.g. {@code sh: 1: mvn: not found} (dash), {@code bash: line 1: mvn: command not found}
 * or {@code /usr/bin/env: 'python': No such file or directory} (a script's {@code #!} line).
 */
public final class MissingCommand {

    /** The exit code shells give when a command is not found. */
    public static final int EXIT_CODE = 127;

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile(":\\s(?:line\\s)?(?:\\d+:\\s)?([^\\s:'\"]+): (?:command )?not found\\s*$"),
            Pattern.compile("env: ['\"‘]?([^\\s'\"’]+)['\"’]?: No such file or directory\\s*$"));

    private MissingCommand() {
    }

    /**
     * The command named by the last line that says one was not found.
     *
     * @param lastLines the command's last output lines, oldest first
     */
    public static Optional<String> in(List<String> lastLines) {
        for (var i = lastLines.size() - 1; i >= 0; i--) {
            for (var pattern : PATTERNS) {
                var matcher = pattern.matcher(lastLines.get(i));
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** E.g. "mvn: command not found", or, when the output does not say which, "a command it runs was not found". */
    public static String describe(List<String> lastLines) {
        return in(lastLines).map(command -> command + ": command not found")
                .orElse("a command it runs was not found");
    }
}
