package dev.slipway.platform.scaling;

import dev.slipway.platform.service.Service;
import java.util.List;
import java.util.Optional;

/** The services the autoscaler looks after: those with a deployment that serves. */
public interface ScaledServices {

    List<ScaledService> list();

    /** The named service, when it has a deployment that serves. */
    Optional<ScaledService> find(String name);

    /** The service's effective scaling: its active deployment's file (or the defaults) under the API's settings. */
    Scaling scalingOf(Service service);

    /**
     * @param deploymentId its active deployment
     * @param paused       a paused service runs no instance, whatever its load
     */
    record ScaledService(long id, String name, String deploymentId, Scaling scaling, boolean paused) {
    }
}
