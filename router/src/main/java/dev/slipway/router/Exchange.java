package dev.slipway.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its response, relayed between a client connection and an upstream connection on the
 * same event loop. Bodies stream in both directions; each side stops reading while the other cannot keep
 * up. Every method runs on that event loop.
 *
 * <p>The exchange counts itself in flight for its target from routing until the response's last byte is
 * written to the client, or until it gives up.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);
    /**
     * How long the rest of a request body is read and dropped once its response is out. Closing instead
     * would make the kernel reset the connection over the unread bytes, and the client could lose the response.
     */
    static final Duration DISCARD_TIMEOUT = Duration.ofSeconds(10);

    private final LoopContext loop;
    private final InboundHandler inbound;
    private final Channel client;
    private final HttpRequest request;
    private final UpstreamLink upstream;
    private final ClientRequest clientRequest;
    private final ChannelFutureListener onResponseWritten = this::onResponseWritten;
    private String host = "";
    private ScheduledFuture<?> timeout;
    private String countedAddress;
    private List<String> unreachable = List.of();
    private boolean retried;

    private boolean requestComplete;
    private boolean skippingInformational;
    private boolean upstreamKeepAlive;
    private boolean responseStarted;
    private boolean responseComplete;
    private boolean closeClient;
    private boolean finished;

    Exchange(LoopContext loop, InboundHandler inbound, Channel client, HttpRequest request) {
        this.loop = loop;
        this.inbound = inbound;
        this.client = client;
        this.request = request;
        this.upstream = new UpstreamLink(loop, this, request);
        this.clientRequest = ClientRequest.of(request);
    }

    void start() {
        timeout = client.eventLoop().schedule(this::onTimeout,
                loop.state.options.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
        if (request.decoderResult().isFailure()) {
            closeClient = true;
            Throwable cause = request.decoderResult().cause();
            respondError(statusFor(cause), "The request could not be parsed: " + cause.getMessage());
            return;
        }
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        host = hostHeader == null ? "" : HostNames.normalize(hostHeader);
        if (host.isEmpty()) {
            respondError(HttpResponseStatus.BAD_REQUEST,
                    "The request has no Host header; the router picks the service by Host.");
            return;
        }
        PublishedRoutes routes = loop.state.routes();
        Route route = routes.table().route(host);
        if (route == null) {
            respondError(HttpResponseStatus.NOT_FOUND, "No service is routed at host '" + host + "'.");
            return;
        }
        ProxyHeaders.forwardRequest(request.headers(), inbound.clientIp(), clientRequest.requestId());
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        routeTo(routes, route);
    }

    /** Picks a target not yet found unreachable, counts the request against it and sends the request there. */
    private void routeTo(PublishedRoutes routes, Route route) {
        Target target = route == null ? null : loop.picker.pick(route, unreachable);
        if (target == null) {
            respondError(HttpResponseStatus.BAD_GATEWAY, unreachable.isEmpty()
                    ? "The service at host '" + host + "' has no instance taking requests."
                    : "No instance of the service at host '" + host + "' could be reached.");
            return;
        }
        count(target.address());
        upstream.open(target.address(), routes.socketAddresses().get(target.address()));
    }

    void onConnectFailed(String address, Throwable cause) {
        if (finished) {
            return;
        }
        LOG.warn("Cannot connect to {} for host {}: {}", address, host, cause.toString());
        if (unreachable.isEmpty()) {
            unreachable = new ArrayList<>(2);
        }
        unreachable.add(address);
        // Route again on the current table: once a publish has returned, no request may go to a removed target.
        PublishedRoutes routes = loop.state.routes();
        routeTo(routes, routes.table().route(host));
    }

    void onRequestContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            Throwable cause = content.decoderResult().cause();
            content.release();
            // An unparsable head arrives as one full request whose failure start() has already answered.
            if (!request.decoderResult().isFailure()) {
                closeClient = true;
                respondError(HttpResponseStatus.BAD_REQUEST, "The request body could not be read: " + cause.getMessage());
            }
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (last) {
            requestComplete = true;
        }
        if (finished || !upstream.offer(content)) {
            content.release();
            if (last) {
                finishIfDone();
            }
        }
        if (last || !upstream.writable()) {
            inbound.updateReading();
        }
    }

    void onUpstreamMessage(Object msg) {
        if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            onInvalidResponse("The instance serving host '" + host + "' sent an invalid response.");
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                onInformational(response);
                return;
            }
            startResponse(response);
        }
        if (msg instanceof HttpContent content) {
            if (skippingInformational) {
                content.release();
                skippingInformational = !(content instanceof LastHttpContent);
            } else if (content instanceof LastHttpContent last) {
                endResponse(last);
            } else {
                client.write(content, client.voidPromise());
                if (!client.isWritable()) {
                    upstream.readResponses(false);
                }
            }
        }
    }

    private void onInformational(HttpResponse response) {
        ReferenceCountUtil.release(response);
        if (response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            onInvalidResponse("The instance serving host '" + host
                    + "' switched protocols, which the router does not relay yet.");
        } else {
            // Interim responses (103 Early Hints) are dropped; the router answers Expect: 100-continue itself.
            skippingInformational = !(response instanceof LastHttpContent);
        }
    }

    private void startResponse(HttpResponse response) {
        upstreamKeepAlive = HttpUtil.isKeepAlive(response);
        ProxyHeaders.forwardResponse(response.headers(), clientRequest.requestId());
        closeClient |= clientRequest.adaptFraming(response);
        clientRequest.setConnectionHeader(response, closeClient);
        responseStarted = true;
        client.write(response, client.voidPromise());
    }

    private void endResponse(LastHttpContent last) {
        boolean requestSent = upstream.requestSent();
        upstream.release(upstreamKeepAlive && requestSent);
        if (!requestComplete) {
            // The instance answered before the whole request arrived; the rest of the body goes nowhere.
            discardRestOfRequest();
        }
        client.writeAndFlush(last).addListener(onResponseWritten);
    }

    private void discardRestOfRequest() {
        timeout.cancel(false);
        timeout = client.eventLoop().schedule(this::onTimeout, DISCARD_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void onResponseWritten(ChannelFuture future) {
        if (!future.isSuccess()) {
            abort();
            return;
        }
        responseComplete = true;
        uncount();
        finishIfDone();
    }

    private void finishIfDone() {
        if (finished || !responseComplete || !(requestComplete || closeClient)) {
            return;
        }
        finished = true;
        timeout.cancel(false);
        upstream.close();
        inbound.exchangeFinished(this, clientRequest.keepAlive() && requestComplete && !closeClient);
    }

    /** The upstream connection closed or failed; retried once on a fresh connection when that is safe. */
    void onUpstreamClosed(Channel channel) {
        if (!upstream.owns(channel)) {
            return;
        }
        upstream.release(false);
        if (responseStarted) {
            abort();
        } else if (upstream.reused() && !retried && clientRequest.idempotent() && !upstream.bodyForwarded()) {
            // A pooled connection the instance had already closed (it stopped, or its keep-alive ran out).
            retried = true;
            LOG.debug("Retrying {} {} for host {} on a new connection", request.method(), request.uri(), host);
            upstream.reconnect();
        } else {
            respondError(HttpResponseStatus.BAD_GATEWAY,
                    "The instance serving host '" + host + "' closed the connection before responding.");
        }
    }

    private void onInvalidResponse(String detail) {
        upstream.release(false);
        if (responseStarted) {
            abort();
        } else {
            respondError(HttpResponseStatus.BAD_GATEWAY, detail);
        }
    }

    private void onTimeout() {
        if (finished) {
            return;
        }
        if (responseStarted) {
            LOG.debug("Request {} for host {} timed out after its response began; closing",
                    clientRequest.requestId(), host);
            abort();
            return;
        }
        respondError(HttpResponseStatus.GATEWAY_TIMEOUT, "The instance serving host '" + host
                + "' did not respond within " + describe(loop.state.options.requestTimeout()) + ".");
    }

    private void respondError(HttpResponseStatus status, String detail) {
        if (responseStarted) {
            abort();
            return;
        }
        upstream.close();
        if (!requestComplete) {
            discardRestOfRequest();
        }
        FullHttpResponse response = ErrorResponses.create(status, detail, clientRequest.requestId(),
                clientRequest.accept(), client.alloc());
        clientRequest.setConnectionHeader(response, closeClient);
        responseStarted = true;
        client.writeAndFlush(response).addListener(onResponseWritten);
        inbound.updateReading();
    }

    /** Gives up: closes both connections. The client sees a broken response rather than a wrong one. */
    private void abort() {
        if (finished) {
            return;
        }
        finished = true;
        timeout.cancel(false);
        upstream.close();
        uncount();
        inbound.exchangeFinished(this, false);
    }

    void onClientClosed() {
        abort();
    }

    private void count(String address) {
        if (address.equals(countedAddress)) {
            return;
        }
        loop.state.inFlight.increment(address);
        uncount();
        countedAddress = address;
    }

    private void uncount() {
        if (countedAddress != null) {
            loop.state.inFlight.decrement(countedAddress);
            countedAddress = null;
        }
    }

    boolean requestComplete() {
        return requestComplete;
    }

    /** True while the exchange can take more of the request body from the client. */
    boolean wantsRequestContent() {
        return !requestComplete && !upstream.connecting() && upstream.writable();
    }

    void updateClientReading() {
        inbound.updateReading();
    }

    boolean clientWritable() {
        return client.isWritable();
    }

    void flushUpstream() {
        upstream.flush();
    }

    void flushClient() {
        client.flush();
    }

    void onClientWritabilityChanged() {
        upstream.readResponses(client.isWritable());
    }

    void onUpstreamWritabilityChanged() {
        inbound.updateReading();
    }

    private static HttpResponseStatus statusFor(Throwable decodeFailure) {
        if (decodeFailure instanceof TooLongHttpHeaderException) {
            return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (decodeFailure instanceof TooLongHttpLineException) {
            return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        return HttpResponseStatus.BAD_REQUEST;
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
