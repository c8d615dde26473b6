package dev.slipway.config.cli;

import dev.slipway.config.AppRunnerYamlParser;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.project.ProjectDetector;
import dev.slipway.config.project.ProjectFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The config linter: {@code slipway-config validate FILE|DIR...}. Prints one
 * {@code file:line:column: error|warning: key: message} line per problem, then a summary line.
 * Exit status: 0 no errors, 1 errors, 2 usage error or unreadable input.
 */
public final class ConfigCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;

    static final String NAME = "slipway-config";
    static final String USAGE = "usage: " + NAME + " validate FILE|DIR...\n"
            + "  FILE  an apprunner.yaml to check\n"
            + "  DIR   a source directory: its apprunner.yaml, else its Dockerfile or Makefile";
    private static final String VALIDATE = "validate";
    private static final Set<String> HELP = Set.of("-h", "--help", "help");

    private ConfigCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command line without exiting, for tests and embedding.
     *
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && HELP.contains(args[0])) {
            out.println(USAGE);
            return EXIT_OK;
        }
        if (args.length == 0 || !args[0].equals(VALIDATE)) {
            err.println(args.length == 0 ? USAGE : NAME + ": unknown command \"" + args[0] + "\"\n" + USAGE);
            return EXIT_USAGE;
        }
        var paths = Arrays.asList(args).subList(1, args.length);
        var option = paths.stream().filter(p -> p.startsWith("-")).findFirst();
        if (paths.isEmpty() || option.isPresent()) {
            err.println(option.map(o -> NAME + ": unknown option \"" + o + "\"\n").orElse("") + USAGE);
            return EXIT_USAGE;
        }
        return validate(paths, out, err);
    }

    private static int validate(List<String> paths, PrintStream out, PrintStream err) {
        var checked = 0;
        var errors = 0;
        var warnings = 0;
        var unreadable = false;
        for (var path : paths) {
            List<ConfigProblem> problems;
            try {
                problems = problems(path);
            } catch (IOException | UncheckedIOException | InvalidPathException e) {
                err.println(NAME + ": cannot read " + path + ": " + reason(e));
                unreadable = true;
                continue;
            }
            checked++;
            for (var problem : problems) {
                out.println(problem.format());
                if (problem.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        out.println("checked " + count(checked, "path") + ": " + count(errors, "error") + ", "
                + count(warnings, "warning"));
        return unreadable ? EXIT_USAGE : errors > 0 ? EXIT_ERRORS : EXIT_OK;
    }

    private static List<ConfigProblem> problems(String path) throws IOException {
        var file = Path.of(path);
        if (Files.isDirectory(file)) {
            var displayPath = path.endsWith("/") ? path : path + "/";
            return ProjectDetector.detect(ProjectFiles.of(file), displayPath).problems();
        }
        if (!Files.exists(file)) {
            throw new IOException("no such file or directory");
        }
        return AppRunnerYamlParser.parse(path, Files.readString(file, StandardCharsets.UTF_8)).problems();
    }

    private static String reason(Exception e) {
        var cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
