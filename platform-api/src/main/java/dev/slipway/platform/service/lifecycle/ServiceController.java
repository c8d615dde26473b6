package dev.slipway.platform.service.lifecycle;

import dev.slipway.platform.deployment.ServicePause;
import dev.slipway.platform.scaling.ScalingUpdates;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceStatus;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/services}: create, list, show, change (scaling), pause, resume and delete services. */
@RestController
@RequestMapping("/api/v1/services")
class ServiceController {

    private final ServiceOperations operations;
    private final ServiceRepository services;
    private final ScalingUpdates scalingUpdates;
    private final ServicePause pause;

    ServiceController(ServiceOperations operations, ServiceRepository services, ScalingUpdates scalingUpdates,
                      ServicePause pause) {
        this.operations = operations;
        this.services = services;
        this.scalingUpdates = scalingUpdates;
        this.pause = pause;
    }

    @PostMapping
    ResponseEntity<ServiceView> create(@RequestBody CreateServiceRequest request) {
        var service = operations.create(request);
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{name}").buildAndExpand(service.name())
                .toUri();
        return ResponseEntity.created(location).body(view(service));
    }

    @GetMapping
    List<ServiceView> list() {
        return services.findAll().stream().map(this::view).toList();
    }

    @GetMapping("/{name}")
    ServiceView get(@PathVariable String name) {
        return view(services.get(name));
    }

    /** Changes the service's scaling: {@code {"scaling": {"maxConcurrency": 50, "minSize": 0, "maxSize": 3}}}. */
    @PatchMapping("/{name}")
    ServiceView update(@PathVariable String name, @RequestBody(required = false) JsonNode body) {
        return view(scalingUpdates.apply(name, ScalingPatch.read(body)));
    }

    @PostMapping("/{name}/pause")
    ServiceView pause(@PathVariable String name) {
        return view(pause.pause(services.get(name)));
    }

    @PostMapping("/{name}/resume")
    ServiceView resume(@PathVariable String name) {
        return view(pause.resume(services.get(name)));
    }

    @DeleteMapping("/{name}")
    ServiceView delete(@PathVariable String name) {
        var service = services.get(name);
        operations.delete(service);
        return new ServiceView(service.name(), ServiceStatus.DELETED, null, null, null, null, null, null,
                service.createdAt(), java.time.Instant.now());
    }

    private ServiceView view(Service service) {
        var gitUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/git/{name}.git")
                .buildAndExpand(service.name()).toUriString();
        return ServiceView.of(service, operations.url(service.name()), gitUrl, operations.scaling(service));
    }
}
