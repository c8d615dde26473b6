package dev.slipway.router;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.time.Duration;

/** The answers the router gives an exchange itself, instead of an instance's: errors and {@code 100 Continue}. */
final class ExchangeReplies {

    private final Exchange exchange;

    ExchangeReplies(Exchange exchange) {
        this.exchange = exchange;
    }

    void unparsable(Throwable cause) {
        exchange.closeClient = true;
        HttpResponseStatus status = cause instanceof TooLongHttpHeaderException
                ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                : cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : HttpResponseStatus.BAD_REQUEST;
        error(status, "The request could not be parsed: " + cause.getMessage());
    }

    void unreadableBody(Throwable cause) {
        exchange.closeClient = true;
        error(HttpResponseStatus.BAD_REQUEST, "The request body could not be read: " + cause.getMessage());
    }

    void unrouted(String hostHeader) {
        String host = host();
        if (host.isEmpty()) {
            error(HttpResponseStatus.BAD_REQUEST, "The request has no Host header; the router picks the service by Host.");
        } else if (exchange.loop.routes().index().hasHost(hostHeader)) {
            error(HttpResponseStatus.NOT_FOUND, "No service is routed at host '" + host + "' for path '"
                    + PathPrefixes.path(exchange.request.uri()) + "'.");
        } else {
            error(HttpResponseStatus.NOT_FOUND, "No service is routed at host '" + host + "'.");
        }
    }

    /** 413; the connection closes afterwards (at once if the client still waits for 100 Continue). */
    void tooLarge() {
        exchange.closeAfterRequest = true;
        error(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "The request body is larger than the "
                + exchange.record.route.maxBodySize + " bytes the service at host '" + host() + "' accepts.");
    }

    /**
     * Answers {@code Expect: 100-continue} (and drops the header, which is hop-by-hop in effect) or refuses
     * other expectations with 417.
     *
     * @return false when the exchange was answered
     */
    boolean acceptExpectation() {
        HttpRequest request = exchange.request;
        boolean continueExpected = HttpUtil.is100ContinueExpected(request);
        if (!continueExpected && request.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0) {
            exchange.closeClient = true;
            error(HttpResponseStatus.EXPECTATION_FAILED, "The router supports only 'Expect: 100-continue'.");
            return false;
        }
        request.headers().remove(HttpHeaderNames.EXPECT);
        if (continueExpected) {
            exchange.client.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER), exchange.client.voidPromise());
        }
        return true;
    }

    /** No target to send to: none healthy or taking requests (503), or every one tried failed (502). */
    void noTarget(RouteEntry entry, boolean triedAndFailed) {
        String host = host();
        if (triedAndFailed || entry == null) {
            error(HttpResponseStatus.BAD_GATEWAY, "No instance of the service at host '" + host + "' could be reached.");
        } else if (!entry.hasWeightedTarget()) {
            String message = entry.admission.unavailableMessage();
            error(HttpResponseStatus.SERVICE_UNAVAILABLE, message != null ? message : "The service at host '" + host
                    + "' has no instance taking requests.", retryAfterSeconds());
        } else {
            error(HttpResponseStatus.SERVICE_UNAVAILABLE, "No instance of the service at host '" + host
                    + "' is healthy right now.", retryAfterSeconds());
        }
    }

    /**
     * The request could not wait, or waited too long, for its route: 429 when the route's instances are all busy,
     * 503 when the route holds requests while its service starts and none started in time.
     *
     * @param holding whether the route has no weighted target
     * @param waiting the requests waiting for the route when this one gave up
     * @param waited  how long this one waited, or null when the queue was full
     */
    void notAdmitted(boolean holding, int waiting, Duration waited) {
        String host = host();
        String why = waited == null ? "the queue is full" : "no instance took the request within "
                + Durations.describe(waited);
        if (holding) {
            error(HttpResponseStatus.SERVICE_UNAVAILABLE, "The service at host '" + host + "' is starting; " + why
                    + " (" + waiting + " request(s) waiting). Retry shortly.", retryAfterSeconds());
        } else {
            error(HttpResponseStatus.TOO_MANY_REQUESTS, "The service at host '" + host + "' is at capacity; " + why
                    + " (" + waiting + " request(s) waiting). Retry shortly.", 1);
        }
    }

    void upstreamClosed() {
        error(HttpResponseStatus.BAD_GATEWAY,
                "The instance serving host '" + host() + "' closed the connection before responding.");
    }

    String invalidResponseDetail() {
        return "The instance serving host '" + host() + "' sent an invalid response.";
    }

    String unaskedSwitchDetail() {
        return "The instance serving host '" + host() + "' switched protocols without being asked to.";
    }

    /**
     * The request timeout passed before the response started: 408 when the router is waiting for the client's
     * body, else 504.
     */
    void timedOut() {
        String limit = Durations.describe(exchange.record.route.requestTimeout);
        if (!exchange.requestComplete && exchange.wantsRequestContent()) {
            exchange.closeClient = true;
            error(HttpResponseStatus.REQUEST_TIMEOUT, "The request body did not arrive within " + limit + ".");
        } else {
            error(HttpResponseStatus.GATEWAY_TIMEOUT,
                    "The instance serving host '" + host() + "' did not respond within " + limit + ".");
        }
    }

    void error(HttpResponseStatus status, String detail) {
        error(status, detail, 0);
    }

    private void error(HttpResponseStatus status, String detail, long retryAfterSeconds) {
        if (exchange.responseStarted) {
            exchange.abort();
            return;
        }
        exchange.dropUpstream();
        exchange.timer.cancel();
        if (!exchange.requestComplete) {
            if (HttpUtil.is100ContinueExpected(exchange.request)) {
                // No 100 Continue went out, so the client may never send the body the connection still expects.
                exchange.closeClient = true;
            }
            exchange.discardRestOfRequest();
        }
        ClientRequest client = exchange.clientRequest;
        FullHttpResponse response = ErrorResponses.create(status, detail, client.requestId(), client.accept(),
                exchange.client.alloc());
        if (retryAfterSeconds > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfterSeconds);
        }
        client.setConnectionHeader(response, exchange.closeClient || exchange.closeAfterRequest);
        exchange.responseStarted = true;
        exchange.record.status = status.code();
        exchange.record.responseBytes = response.content().readableBytes();
        exchange.client.writeAndFlush(response).addListener(exchange);
        exchange.inbound.updateReading();
    }

    private long retryAfterSeconds() {
        long millis = exchange.loop.state.options.healthProbeInterval().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private String host() {
        String hostHeader = exchange.request.headers().get(HttpHeaderNames.HOST);
        return hostHeader == null ? "" : HostNames.normalize(hostHeader);
    }
}
