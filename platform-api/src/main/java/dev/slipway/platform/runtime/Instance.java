package dev.slipway.platform.runtime;

/**
 * A started instance.
 *
 * @param id           the runtime's id for it (container id, or process id)
 * @param service      the service it serves
 * @param deploymentId the deployment it runs
 * @param address      {@code host:port} where the router reaches the app
 */
public record Instance(String id, String service, String deploymentId, String address) {
}
