package dev.slipway.platform.console;

import dev.slipway.config.AppRunnerConfig;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /validate}: checks a pasted or uploaded {@code apprunner.yaml} as {@code POST /api/v1/validate} does, and
 * shows its problems located in its text.
 */
@Controller
class ValidateController {

    static final String PATH = "/validate";
    private static final String PAGE = "console/validate";

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("content", "");
        model.addAttribute("errors", FormErrors.NONE);
        return PAGE;
    }

    /** An uploaded file wins over pasted text; problems name it by its own name. */
    @PostMapping(PATH)
    String validate(@RequestParam(name = "content", required = false) String content,
                    @RequestParam(name = "file", required = false) MultipartFile file, Model model,
                    HttpServletResponse response) throws IOException {
        var name = AppRunnerConfig.FILE_NAME;
        var text = content == null ? "" : content;
        if (file != null && !file.isEmpty()) {
            text = new String(file.getBytes(), StandardCharsets.UTF_8);
            name = fileName(file.getOriginalFilename());
        }
        model.addAttribute("content", text);
        if (text.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", FormErrors.of("content", "Paste the text of an apprunner.yaml here, or "
                    + "choose a file below."));
            return PAGE;
        }
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("yaml", ValidatedYaml.of(name, text));
        return PAGE;
    }

    /** The upload's own name without any directories a browser sent along. */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return AppRunnerConfig.FILE_NAME;
        }
        var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        return name.isBlank() ? AppRunnerConfig.FILE_NAME : name;
    }
}
