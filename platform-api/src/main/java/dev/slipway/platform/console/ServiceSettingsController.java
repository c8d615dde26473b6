package dev.slipway.platform.console;

import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.lifecycle.ServiceOperations;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A service's danger zone: deleting it, as {@code DELETE /api/v1/services/{name}} does, once the user typed its name
 * (checked here too, not only in the browser).
 */
@Controller
@RequestMapping("/services/{name}/settings")
class ServiceSettingsController {

    static final String CONFIRM = "confirm";
    private static final String PAGE = "console/service-settings";

    private final ServiceHeaders headers;
    private final ServiceRepository services;
    private final ServiceOperations operations;

    ServiceSettingsController(ServiceHeaders headers, ServiceRepository services, ServiceOperations operations) {
        this.headers = headers;
        this.services = services;
        this.operations = operations;
    }

    @GetMapping
    String show(@PathVariable String name, Model model) {
        headers.open(name, ServiceTab.SETTINGS, model);
        model.addAttribute(CONFIRM, "");
        model.addAttribute("errors", FormErrors.NONE);
        return PAGE;
    }

    @PostMapping("/delete")
    String delete(@PathVariable String name, @RequestParam(name = CONFIRM, defaultValue = "") String confirm,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var service = services.get(name);
        if (!confirm.strip().equals(service.name())) {
            headers.open(name, ServiceTab.SETTINGS, model);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(CONFIRM, confirm);
            model.addAttribute("errors", FormErrors.of(CONFIRM, confirm.isBlank()
                    ? "Type the service's name, " + name + ", to delete it."
                    : "'" + confirm + "' is not this service's name; type " + name + " to delete it."));
            return PAGE;
        }
        operations.delete(service);
        redirect.addFlashAttribute("notice", "Service " + name + " is deleted: its instances, route, repository, "
                + "deployments and logs are gone.");
        return "redirect:/";
    }
}
