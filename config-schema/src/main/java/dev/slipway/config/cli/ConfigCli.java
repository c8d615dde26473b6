package dev.slipway.config.cli;

import dev.slipway.config.ConfigProblem;
import dev.slipway.config.ValidationReport;
import dev.slipway.config.project.ProjectDetector;
import dev.slipway.config.project.ProjectFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The config linter: {@code slipway-config validate [--json] FILE|DIR...}. Prints one
 * {@code file:line:column: error|warning: key: message} line per problem, then a summary line;
 * with {@code --json}, a JSON array with one {@link ValidationReport#toJson() report} per path.
 * Exit status: 0 no errors, 1 errors, 2 usage error or unreadable input.
 */
public final class ConfigCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_ERRORS = 1;
    public static final int EXIT_USAGE = 2;

    static final String NAME = "slipway-config";
    static final String JSON = "--json";
    static final String USAGE = "usage: " + NAME + " validate [" + JSON + "] FILE|DIR...\n"
            + "  FILE    an apprunner.yaml to check\n"
            + "  DIR     a source directory: its apprunner.yaml, else its Dockerfile, Makefile or Procfile\n"
            + "  " + JSON + "  print a JSON array with one {file, problems, errors, warnings} object per path";
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
        var json = false;
        var paths = new ArrayList<String>();
        for (var i = 1; i < args.length; i++) {
            if (args[i].equals(JSON)) {
                json = true;
            } else if (args[i].startsWith("-")) {
                err.println(NAME + ": unknown option \"" + args[i] + "\"\n" + USAGE);
                return EXIT_USAGE;
            } else {
                paths.add(args[i]);
            }
        }
        if (paths.isEmpty()) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        return validate(paths, json, out, err);
    }

    private static int validate(List<String> paths, boolean json, PrintStream out, PrintStream err) {
        var reports = new ArrayList<ValidationReport>();
        var unreadable = false;
        for (var path : paths) {
            try {
                reports.add(new ValidationReport(path, problems(path)));
            } catch (IOException | UncheckedIOException | InvalidPathException e) {
                err.println(NAME + ": cannot read " + path + ": " + reason(e));
                unreadable = true;
            }
        }
        var errors = reports.stream().mapToInt(ValidationReport::errorCount).sum();
        var warnings = reports.stream().mapToInt(ValidationReport::warningCount).sum();
        if (json) {
            out.println(ValidationReport.toJson(reports));
        } else {
            reports.forEach(report -> report.problems().forEach(problem -> out.println(problem.format())));
            out.println("checked " + count(reports.size(), "path") + ": " + count(errors, "error") + ", "
                    + count(warnings, "warning"));
        }
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
        // Read as every file Slipway reads: bytes that are not UTF-8 become U+FFFD, which the parser locates.
        return ValidationReport.of(path, new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).problems();
    }

    private static String reason(Exception e) {
        var cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
