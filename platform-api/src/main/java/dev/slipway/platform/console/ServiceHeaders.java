package dev.slipway.platform.console;

import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Puts a service's header and the open tab into a page's model; every tab's controller starts here. */
@Component
public class ServiceHeaders {

    private final ServiceRepository services;
    private final ServiceRoutes routes;

    ServiceHeaders(ServiceRepository services, ServiceRoutes routes) {
        this.services = services;
        this.routes = routes;
    }

    /**
     * Adds {@code header} and {@code tab} to {@code model}.
     *
     * @return the service
     * @throws dev.slipway.platform.service.ServiceNotFoundException when there is none of that name
     */
    public Service open(String name, ServiceTab tab, Model model) {
        var service = services.get(name);
        var gitUrl = service.source().type() == ServiceSource.Type.GIT_PUSH
                ? ServletUriComponentsBuilder.fromCurrentContextPath().path("/git/{name}.git")
                        .buildAndExpand(name).toUriString()
                : null;
        model.addAttribute("header", new ServiceHeader(name, service.status(), service.statusReason().orElse(null),
                routes.url(name), service.source().type().wireName(), gitUrl,
                service.activeDeploymentId().orElse(null)));
        model.addAttribute("tab", tab);
        model.addAttribute("tabs", ServiceTab.values());
        return service;
    }
}
