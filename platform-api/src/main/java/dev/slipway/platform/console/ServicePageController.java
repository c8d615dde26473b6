package dev.slipway.platform.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A service's page opens on its deployments. */
@Controller
class ServicePageController {

    @GetMapping("/services/{name}")
    String open(@PathVariable String name) {
        return "redirect:/services/{name}/" + ServiceTab.DEPLOYMENTS.path();
    }
}
