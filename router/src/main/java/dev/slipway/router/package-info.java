/**
 * Slipway's HTTP reverse proxy. {@link dev.slipway.router.Router} routes each request by its Host header (and
 * a route's path prefix) to a healthy target of the current {@link dev.slipway.router.RouteTable}, relays
 * streams and WebSockets, and records metrics and an access log when asked to; tables are swapped whole with
 * {@link dev.slipway.router.Router#publish} and old targets drained with
 * {@link dev.slipway.router.Router#awaitDrained}. A route's {@link dev.slipway.router.Admission} limits the
 * requests in flight to each target, queues the rest and holds requests while a service is scaled to zero;
 * {@link dev.slipway.router.Router#awaitDemand} and {@link dev.slipway.router.Router#load} tell the control plane
 * when to start a service and how busy each is. {@link dev.slipway.router.StandaloneRouter} runs it as its
 * own process, fed by a {@link dev.slipway.router.RouteStateFile} and a token-protected control port.
 *
 * <p>Inside, each client connection is served by one event loop, which also owns that connection's
 * upstream connections, their pool and its own copy of the routes, so the request path takes no locks; only
 * routes with admission settings share a queue, under its own lock.
 */
package dev.slipway.router;
