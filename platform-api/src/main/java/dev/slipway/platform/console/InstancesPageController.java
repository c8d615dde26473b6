package dev.slipway.platform.console;

import dev.slipway.platform.instance.Instance;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.instance.Supervisor;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The instances tab: every instance with its state, restarts and last exit, the last stopped ones included. */
@Controller
@RequestMapping("/services/{name}/instances")
class InstancesPageController {

    private final ServiceHeaders headers;
    private final ServiceRepository services;
    private final InstanceRepository instances;

    InstancesPageController(ServiceHeaders headers, ServiceRepository services, InstanceRepository instances) {
        this.headers = headers;
        this.services = services;
        this.instances = instances;
    }

    @GetMapping
    String tab(@PathVariable String name, Model model) {
        var service = headers.open(name, ServiceTab.INSTANCES, model);
        model.addAttribute("instances", rows(service.id()));
        return "console/service-instances";
    }

    @GetMapping("/rows")
    String rows(@PathVariable String name, Model model) {
        model.addAttribute("instances", rows(services.get(name).id()));
        model.addAttribute("serviceName", name);
        return "console/service-instances :: rows";
    }

    private List<InstanceRow> rows(long serviceId) {
        return instances.listAll(serviceId, Supervisor.STOPPED_KEPT).stream().map(InstanceRow::new).toList();
    }

    /** An instance as the tab shows it. */
    public record InstanceRow(Instance instance) {

        public String id() {
            return instance.id();
        }

        public String state() {
            return instance.state().name();
        }

        public String reason() {
            return instance.stateReason().orElse("");
        }

        public String deployment() {
            return instance.deploymentId();
        }

        public String address() {
            return instance.address().orElse("");
        }

        public int restarts() {
            return instance.restarts();
        }

        public String lastExit() {
            return instance.lastExitReason().orElse("");
        }

        public String started() {
            return instance.startedAt().map(ConsoleFormat::age).orElse("");
        }

        public String healthySince() {
            return instance.healthySince().map(ConsoleFormat::age).orElse("");
        }
    }
}
