package dev.slipway.platform.scaling;

import dev.slipway.platform.service.Service;
import java.util.List;

/** The services the autoscaler looks after: those with a deployment that serves. */
public interface ScaledServices {

    List<ScaledService> list();

    /** The service's effective scaling: its active deployment's file (or the defaults) under the API's settings. */
    Scaling scalingOf(Service service);

    /**
     * @param deploymentId its active deployment
     * @param paused       a paused service runs no instance, whatever its load
     */
    record ScaledService(long id, String name, String deploymentId, Scaling scaling, boolean paused) {
    }
}
