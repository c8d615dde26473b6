package dev.slipway.platform.console;

import dev.slipway.platform.deployment.ServicePause;
import dev.slipway.platform.scaling.ScalingUpdates;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.InvalidRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A service's configuration tab: the deployed {@code apprunner.yaml} with its problems, the scaling (changed as
 * {@code PATCH /api/v1/services/{name}} changes it), pause and resume, and the app's environment.
 */
@Controller
@RequestMapping("/services/{name}/configuration")
class ConfigurationController {

    private static final String PAGE = "console/service-configuration";
    private static final String TAB = "/services/{name}/configuration";

    private final ServiceHeaders headers;
    private final ConfigurationPages pages;
    private final ServiceRepository services;
    private final ScalingUpdates scalingUpdates;
    private final ServicePause pause;

    ConfigurationController(ServiceHeaders headers, ConfigurationPages pages, ServiceRepository services,
                            ScalingUpdates scalingUpdates, ServicePause pause) {
        this.headers = headers;
        this.pages = pages;
        this.services = services;
        this.scalingUpdates = scalingUpdates;
        this.pause = pause;
    }

    @GetMapping
    String show(@PathVariable String name, Model model) {
        var service = headers.open(name, ServiceTab.CONFIGURATION, model);
        model.addAttribute("scalingForm", ConfigurationScalingForm.of(service.scaling()));
        return page(model, service, FormErrors.NONE);
    }

    /** Sets the settings that changed; a problem shows the form again, as typed, with the problem at its field. */
    @PostMapping("/scaling")
    String scaling(@PathVariable String name, @ModelAttribute("scalingForm") ConfigurationScalingForm form,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        var service = services.get(name);
        var errors = form.problems();
        if (errors.isEmpty()) {
            var change = form.changeFrom(service.scaling());
            if (change.settings().isEmpty()) {
                return back(redirect, "notice", "Scaling unchanged: no setting differs from what was set.");
            }
            try {
                scalingUpdates.apply(name, change);
                return back(redirect, "notice", "Scaling saved. Settings left blank follow apprunner.yaml.");
            } catch (InvalidRequestException e) {
                errors = FormErrors.of(List.of(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, headers.open(name, ServiceTab.CONFIGURATION, model), errors);
    }

    @PostMapping("/pause")
    String pause(@PathVariable String name, RedirectAttributes redirect) {
        return Actions.run(redirect, TAB, () -> {
            pause.pause(services.get(name));
            return "Paused: the instances stop after their requests finish, and the URL answers 503 until you resume.";
        });
    }

    @PostMapping("/resume")
    String resume(@PathVariable String name, RedirectAttributes redirect) {
        return Actions.run(redirect, TAB, () -> {
            pause.resume(services.get(name));
            return "Resumed: the instances start again.";
        });
    }

    private String page(Model model, Service service, FormErrors errors) {
        model.addAttribute("page", pages.of(service, (ServiceHeader) model.getAttribute("header")));
        model.addAttribute("errors", errors);
        return PAGE;
    }

    private static String back(RedirectAttributes redirect, String kind, String message) {
        redirect.addFlashAttribute(kind, message);
        return "redirect:" + TAB;
    }
}
