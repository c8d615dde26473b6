package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.RecentLines;
import dev.slipway.build.image.SecretMask;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the classic builder's {@code stream} texts into log lines. Texts split lines anywhere, so
 * a line is passed on only once its end arrives. Each "Step N/M" line switches the phase; the
 * lines a command prints since its step began are kept for failure messages. The builder's own
 * lines are {@link BuildLog.Stream#SYSTEM} lines, a command's output (stdout and stderr, which the
 * classic builder merges) {@link BuildLog.Stream#STDOUT} lines. Secrets are masked before a line
 * is logged or kept, so a failure message cannot carry one either.
 */
final class BuildOutput {

    private static final Pattern STEP = Pattern.compile("Step (\\d+)/\\d+ : (.*)");
    private static final Pattern TERMINAL_ESCAPE = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    /** The builder's own lines, which say nothing about the user's command. */
    private static final Pattern BUILDER_LINE = Pattern.compile(
            " ---> .*|Removing intermediate container \\w+|Successfully built \\w{12}|Successfully tagged \\S+");
    /** Longer output without a line break is passed on in pieces of this size. */
    private static final int MAX_LINE_LENGTH = 16_384;

    private final StepResolver steps;
    private final BuildLog log;
    private final SecretMask mask;
    private final RecentLines recent;
    private final StringBuilder partial = new StringBuilder();
    private BuildStep step = BuildStep.of(BuildPhase.BASE);
    private String instruction = "";

    BuildOutput(StepResolver steps, BuildLog log, SecretMask mask, int recentLines) {
        this.steps = steps;
        this.log = log;
        this.mask = mask;
        this.recent = new RecentLines(recentLines);
    }

    synchronized void accept(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                emit();
            } else {
                partial.append(c);
                if (partial.length() >= MAX_LINE_LENGTH) {
                    emit();
                }
            }
        }
    }

    /** Passes on a last line that had no line break. */
    synchronized void finish() {
        if (!clean(partial.toString()).isEmpty()) {
            emit();
        }
        partial.setLength(0);
    }

    synchronized BuildStep step() {
        return step;
    }

    /** The running step's instruction as the builder printed it, e.g. {@code COPY . /app}. */
    synchronized String instruction() {
        return instruction;
    }

    /** The output of the running step's command, oldest first. */
    List<String> recentLines() {
        return recent.lines();
    }

    private void emit() {
        var line = mask.apply(clean(partial.toString()));
        partial.setLength(0);
        var matcher = STEP.matcher(line);
        var stream = BuildLog.Stream.SYSTEM;
        if (matcher.matches()) {
            instruction = matcher.group(2);
            step = steps.resolve(Integer.parseInt(matcher.group(1)), instruction);
            recent.clear();
        } else if (!BUILDER_LINE.matcher(line).matches()) {
            recent.add(line);
            if (step.command().isPresent()) {
                // The classic builder merges a step's stdout and stderr into one stream.
                stream = BuildLog.Stream.STDOUT;
            }
        }
        log.line(step.phase().label(), stream, line);
    }

    private static String clean(String line) {
        var text = TERMINAL_ESCAPE.matcher(line).replaceAll("");
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
