package dev.slipway.platform.console;

import dev.slipway.platform.deployment.DeployNow;
import dev.slipway.platform.deployment.Deployer;
import dev.slipway.platform.deployment.Deployment;
import dev.slipway.platform.deployment.DeploymentListener;
import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.deployment.RollbackChoices;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The deployments tab: the service's deployments (refreshed every two seconds) and one of them in detail with
 * its log, which streams while the deployment runs. Without {@code ?deployment=} the tab shows the newest and
 * moves on to a newer one as soon as it appears, so a push made with the page open shows up by itself.
 */
@Controller
@RequestMapping("/services/{name}/deployments")
class DeploymentsPageController {

    private final ServiceHeaders headers;
    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final RollbackChoices rollbackChoices;
    private final DeployNow deployNow;
    private final Deployer deployer;

    DeploymentsPageController(ServiceHeaders headers, ServiceRepository services, DeploymentRepository deployments,
                              RollbackChoices rollbackChoices, DeployNow deployNow, Deployer deployer) {
        this.headers = headers;
        this.services = services;
        this.deployments = deployments;
        this.rollbackChoices = rollbackChoices;
        this.deployNow = deployNow;
        this.deployer = deployer;
    }

    @GetMapping
    String tab(@PathVariable String name, @RequestParam Optional<String> deployment, Model model) {
        var service = headers.open(name, ServiceTab.DEPLOYMENTS, model);
        var rows = rows(service);
        model.addAttribute("rows", rows);
        model.addAttribute("pushHelp", PushHelp.of((ServiceHeader) model.getAttribute("header"), service));
        model.addAttribute("followNewest", deployment.isEmpty());
        var selected = deployment.isPresent()
                ? Optional.of(row(service, deployment.get()))
                : rows.stream().findFirst();
        model.addAttribute("selected", selected.orElse(null));
        return "console/service-deployments";
    }

    @GetMapping("/rows")
    String rows(@PathVariable String name, Model model) {
        model.addAttribute("rows", rows(services.get(name)));
        model.addAttribute("serviceName", name);
        return "console/service-deployments :: rows";
    }

    @GetMapping("/{id}/detail")
    String detail(@PathVariable String name, @PathVariable String id,
                  @RequestParam(name = "follow-newest", defaultValue = "false") boolean followNewest, Model model) {
        model.addAttribute("selected", row(services.get(name), id));
        model.addAttribute("followNewest", followNewest);
        model.addAttribute("serviceName", name);
        return "console/service-deployments :: detail";
    }

    @GetMapping("/{id}/summary")
    String summary(@PathVariable String name, @PathVariable String id, Model model) {
        model.addAttribute("selected", row(services.get(name), id));
        model.addAttribute("serviceName", name);
        return "console/service-deployments :: summary";
    }

    @PostMapping
    String deploy(@PathVariable String name, RedirectAttributes flash) {
        return Actions.run(flash, "/services/{name}/deployments", () -> {
            var started = deployNow.deploy(services.get(name)).deployment();
            return "Deployment " + started.number() + " (" + started.id() + ") is queued.";
        });
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable String name, @PathVariable String id, RedirectAttributes flash) {
        return Actions.run(flash, "/services/{name}/deployments?deployment={id}", () -> {
            deployer.cancel(find(services.get(name), id));
            return "Deployment " + id + " is being cancelled.";
        });
    }

    @PostMapping("/{id}/rollback")
    String rollBack(@PathVariable String name, @PathVariable String id, RedirectAttributes flash) {
        return Actions.run(flash, "/services/{name}/deployments", () -> {
            var rollback = deployer.rollback(services.get(name), Optional.of(id), DeploymentListener.NULL).deployment();
            return "Rolling back to deployment " + id + " as deployment " + rollback.number() + ".";
        });
    }

    private List<DeploymentRow> rows(Service service) {
        var choices = rollbackChoices.of(service);
        return deployments.listForService(service.id()).stream()
                .map(d -> new DeploymentRow(d, choices.contains(d.id()))).toList();
    }

    private DeploymentRow row(Service service, String id) {
        return new DeploymentRow(find(service, id), rollbackChoices.of(service).contains(id));
    }

    private Deployment find(Service service, String id) {
        return deployments.get(service, id);
    }
}
