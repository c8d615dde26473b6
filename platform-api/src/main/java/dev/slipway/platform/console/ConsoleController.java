package dev.slipway.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form and the services overview, whose rows refresh themselves every two seconds. */
@Controller
class ConsoleController {

    private final OverviewQuery overview;

    ConsoleController(OverviewQuery overview) {
        this.overview = overview;
    }

    @GetMapping(ConsoleSecurity.LOGIN)
    String login() {
        return "console/login";
    }

    @GetMapping("/")
    String overview(Model model) {
        model.addAttribute("services", overview.services());
        return "console/overview";
    }

    @GetMapping("/fragments/services")
    String rows(Model model) {
        model.addAttribute("services", overview.services());
        return "console/overview :: rows";
    }
}
