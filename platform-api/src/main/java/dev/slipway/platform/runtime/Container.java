package dev.slipway.platform.runtime;

/**
 * One started container: a Docker container, or a local process group. An instance of a service
 * runs in one container at a time; when it is restarted it gets a new one.
 *
 * @param id           the runtime's id for it (container id, or process group id)
 * @param service      the service it serves
 * @param deploymentId the deployment it runs
 * @param instanceId   the instance it belongs to
 * @param address      {@code host:port} where the router reaches the app
 */
public record Container(String id, String service, String deploymentId, String instanceId, String address) {
}
