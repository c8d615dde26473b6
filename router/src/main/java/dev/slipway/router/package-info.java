/**
 * Slipway's HTTP reverse proxy. {@link dev.slipway.router.Router} routes each request by its Host header to a
 * target of the current {@link dev.slipway.router.RouteTable}; tables are swapped whole with
 * {@link dev.slipway.router.Router#publish} and old targets drained with
 * {@link dev.slipway.router.Router#awaitDrained}. {@link dev.slipway.router.StandaloneRouter} runs it as its
 * own process, fed by a {@link dev.slipway.router.RouteStateFile}.
 *
 * <p>Inside, each client connection is served by one event loop, which also owns that connection's
 * upstream connections and their pool, so the request path takes no locks.
 */
package dev.slipway.router;
