package dev.slipway.router;

/** What every event loop of one router shares: the options, the current routes and the in-flight counts. */
final class RouterState {

    final RouterOptions options;
    final InFlightCounts inFlight = new InFlightCounts();
    private volatile PublishedRoutes routes = PublishedRoutes.EMPTY;

    RouterState(RouterOptions options) {
        this.options = options;
    }

    PublishedRoutes routes() {
        return routes;
    }

    void routes(PublishedRoutes next) {
        routes = next;
    }
}
