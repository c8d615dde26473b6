package dev.slipway.platform.instance;

import dev.slipway.platform.service.ServiceRepository;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/services/{name}/instances}: the service's instances, oldest first; with
 * {@code ?stopped=true} also the last stopped ones.
 */
@RestController
class InstanceController {

    private final ServiceRepository services;
    private final InstanceRepository instances;

    InstanceController(ServiceRepository services, InstanceRepository instances) {
        this.services = services;
        this.instances = instances;
    }

    @GetMapping("/api/v1/services/{name}/instances")
    List<InstanceView> list(@PathVariable String name, @RequestParam(defaultValue = "false") boolean stopped) {
        var service = services.get(name);
        var list = stopped ? instances.listAll(service.id(), Supervisor.STOPPED_KEPT) : instances.listNotStopped(service.id());
        return list.stream().map(InstanceView::of).toList();
    }

    /**
     * An instance as the API shows it.
     *
     * @param container      the runtime's id of its current container (container id, or process group id)
     * @param lastExitCode   how its last container ended, if one ended
     * @param nextRestartAt  for a crashed or unhealthy instance: when it starts again
     */
    record InstanceView(String id, String deploymentId, InstanceState state, String reason, String address,
                        String container, int restarts, Integer lastExitCode, String lastExit, Instant startedAt,
                        Instant healthySince, Instant nextRestartAt, Instant createdAt) {

        static InstanceView of(Instance i) {
            return new InstanceView(i.id(), i.deploymentId(), i.state(), i.stateReason().orElse(null),
                    i.address().orElse(null), i.containerId().orElse(null), i.restarts(),
                    i.lastExitCode().isPresent() ? i.lastExitCode().getAsInt() : null,
                    i.lastExitReason().orElse(null), i.startedAt().orElse(null), i.healthySince().orElse(null),
                    i.nextRestartAt().orElse(null), i.createdAt());
        }
    }
}
