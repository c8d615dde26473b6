package dev.slipway.platform.console;

import dev.slipway.platform.service.ServiceAlreadyExistsException;
import dev.slipway.platform.service.ServiceName;
import dev.slipway.platform.service.lifecycle.ServiceOperations;
import dev.slipway.platform.system.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /services/new}: the form that creates a service, through the same request and checks as
 * {@code POST /api/v1/services}. Problems come back next to their fields, with what the user typed.
 */
@Controller
class CreateServiceController {

    static final String PATH = "/services/new";
    private static final String PAGE = "console/service-new";

    private final ServiceOperations operations;

    CreateServiceController(ServiceOperations operations) {
        this.operations = operations;
    }

    @GetMapping(PATH)
    String form(Model model) {
        model.addAttribute("form", CreateServiceForm.EMPTY);
        model.addAttribute("errors", FormErrors.NONE);
        model.addAttribute("nameRule", ServiceName.RULE);
        return PAGE;
    }

    @PostMapping(PATH)
    String create(@ModelAttribute("form") CreateServiceForm form, Model model, HttpServletResponse response) {
        var request = form.toRequest();
        var problems = request.problems();
        if (problems.isEmpty()) {
            try {
                var service = operations.create(request);
                return "redirect:" + UriComponentsBuilder.fromPath("/services/{name}").buildAndExpand(service.name())
                        .encode().toUriString();
            } catch (InvalidRequestException e) {
                problems = List.of(e);
            } catch (ServiceAlreadyExistsException e) {
                return again(form, FormErrors.of("name", e.getMessage()), HttpStatus.CONFLICT, model, response);
            }
        }
        return again(form, FormErrors.of(problems), HttpStatus.BAD_REQUEST, model, response);
    }

    private static String again(CreateServiceForm form, FormErrors errors, HttpStatus status, Model model,
                                HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("form", form.withoutSecret());
        model.addAttribute("errors", errors);
        model.addAttribute("nameRule", ServiceName.RULE);
        return PAGE;
    }
}
