package dev.slipway.platform.validation;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.ConfigProblem;
import dev.slipway.platform.system.InvalidRequestException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/validate}: checks an {@code apprunner.yaml} the way a push does, without
 * deploying anything. The body is the file's text ({@code application/yaml}, {@code text/yaml}
 * or {@code text/plain}; {@code ?file=} names it in the problems), or JSON
 * {@code {"file": "...", "content": "..."}}.
 */
@RestController
@RequestMapping("/api/v1/validate")
class ValidationController {

    private static final String DEFAULT_FILE = AppRunnerConfig.FILE_NAME;

    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            MediaType.TEXT_PLAIN_VALUE})
    ValidationReport validateText(@RequestBody String content,
                                  @RequestParam(name = "file", defaultValue = DEFAULT_FILE) String file) {
        return validate(file, content);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ValidationReport validateJson(@RequestBody ValidationRequest request) {
        if (request.content() == null) {
            throw new InvalidRequestException("content is required: the text of the apprunner.yaml to check");
        }
        var file = request.file() == null || request.file().isBlank() ? DEFAULT_FILE : request.file();
        return validate(file, request.content());
    }

    /** The config schema's check, the same the linter, a push and the console's validate page make. */
    private static ValidationReport validate(String file, String content) {
        var report = dev.slipway.config.ValidationReport.of(file, content);
        var problems = report.problems().stream().map(ProblemView::of).toList();
        return new ValidationReport(!report.hasErrors(), report.errorCount(), report.warningCount(), problems);
    }

    /** The JSON form of a request. */
    record ValidationRequest(String file, String content) {
    }

    /**
     * The outcome: {@code valid} is false when there is at least one error.
     *
     * @param problems every problem, in file order
     */
    record ValidationReport(boolean valid, int errors, int warnings, List<ProblemView> problems) {
    }

    /**
     * One problem, located, with {@code text} in the {@code file:line:column: severity: key: message}
     * form the linter prints.
     */
    record ProblemView(String file, int line, int column, String severity, String key, String message,
                       String text) {

        static ProblemView of(ConfigProblem problem) {
            return new ProblemView(problem.file(), problem.line(), problem.column(), problem.severity().toString(),
                    problem.key(), problem.message(), problem.format());
        }
    }
}
