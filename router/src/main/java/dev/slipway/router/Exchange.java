package dev.slipway.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * One request and its response, relayed between a client connection and an upstream connection on the
 * same event loop. Bodies stream in both directions; each side stops reading while the other cannot keep
 * up. Every method runs on that event loop. The router's own answers go through {@link ExchangeReplies},
 * its timeouts through {@link ExchangeTimer}.
 *
 * <p>The exchange counts itself in flight for its target from routing until the response's last byte is
 * written to the client, or until it gives up; a WebSocket hands the count to its {@link Tunnel}.
 *
 * <p>It is also the listener of its response's last write, so that no listener object is made per request.
 */
final class Exchange implements ChannelFutureListener {

    final LoopContext loop;
    final InboundHandler inbound;
    final Channel client;
    final HttpRequest request;
    final ClientRequest clientRequest;
    final RequestRecord record;
    final ExchangeTimer timer;
    final UpstreamLink upstream;
    /** Null until a target fails this request. */
    private Failover failover;
    /** Null until the router answers itself. */
    private ExchangeReplies replies;
    /** Non-null while the request waits in its route's queue; set and cleared by the wait. */
    ExchangeWait wait;
    private boolean webSocket;
    private long requestBodyBytes;

    boolean requestComplete;
    private boolean skippingInformational;
    private boolean switching;
    private boolean upstreamKeepAlive;
    boolean responseStarted;
    private boolean responseComplete;
    /** Close the client connection as soon as the response is written. */
    boolean closeClient;
    /** Close the client connection once the rest of the request body has been read and dropped. */
    boolean closeAfterRequest;
    /** The router answered or the response ended early: request body parts go nowhere and are not counted. */
    boolean discarding;
    private boolean finished;

    Exchange(LoopContext loop, InboundHandler inbound, Channel client, HttpRequest request) {
        this.loop = loop;
        this.inbound = inbound;
        this.client = client;
        this.request = request;
        this.record = new RequestRecord(this);
        this.clientRequest = ClientRequest.of(request);
        this.upstream = new UpstreamLink(loop, this, request);
        this.timer = new ExchangeTimer(this);
    }

    void start() {
        if (request.decoderResult().isFailure()) {
            replies().unparsable(request.decoderResult().cause());
            return;
        }
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        RouteEntry entry = hostHeader == null ? null : loop.routes().find(hostHeader, request.uri());
        if (entry == null) {
            replies().unrouted(hostHeader);
            return;
        }
        record.routed(entry);
        if (HttpUtil.getContentLength(request, -1L) > entry.maxBodySize) {
            replies().tooLarge();
            return;
        }
        if (request.headers().contains(HttpHeaderNames.EXPECT) && !replies().acceptExpectation()) {
            return;
        }
        webSocket = WebSockets.isUpgradeRequest(request);
        ProxyHeaders.forwardRequest(request.headers(), hostHeader, inbound.clientIp(), inbound.trustedPeer(),
                clientRequest.requestId());
        if (webSocket) {
            WebSockets.restoreUpgradeHeaders(request.headers());
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        timer.startRequest(entry.requestTimeoutNanos);
        routeTo(entry);
    }

    /**
     * Picks a healthy target not yet failed, counts the request against it and sends the request there. On a
     * route with admission settings a new request may instead wait in the route's queue: behind others already
     * waiting, for a free slot, or for a target while the route has none.
     */
    void routeTo(RouteEntry entry) {
        List<Backend> failed = failover == null ? List.of() : failover.failed;
        RouteQueue queue = entry == null || !failed.isEmpty() ? null : entry.queue;
        Backend backend = entry == null || (queue != null && queue.size() > 0) ? null : entry.acquire(loop.index, failed);
        if (backend != null) {
            send(backend);
        } else if (queue == null || !ExchangeWait.start(this, entry, queue)) {
            replies().noTarget(entry, !failed.isEmpty());
        }
    }

    /** Sends the request to {@code backend}, whose slot it already took. */
    void send(Backend backend) {
        record.holds(backend);
        if (webSocket) {
            // A connection that may become a tunnel is never taken from, nor returned to, the pool.
            upstream.reopen(backend);
        } else {
            upstream.open(backend);
        }
    }

    /** The request's route in the current table: once a publish returned, no request goes to a removed target. */
    RouteEntry currentEntry() {
        String hostHeader = request.headers().get(HttpHeaderNames.HOST);
        return hostHeader == null ? null : loop.routes().find(hostHeader, request.uri());
    }

    void onConnectFailed(Backend backend, Throwable cause) {
        if (!finished) {
            failover().connectFailed(backend, cause);
        }
    }

    /** The router's own answers, made only for the requests that need one. */
    ExchangeReplies replies() {
        if (replies == null) {
            replies = new ExchangeReplies(this);
        }
        return replies;
    }

    private Failover failover() {
        if (failover == null) {
            failover = new Failover(this);
        }
        return failover;
    }

    void onRequestContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            Throwable cause = content.decoderResult().cause();
            content.release();
            // An unparsable head arrives as one full request whose failure start() has already answered.
            if (!request.decoderResult().isFailure()) {
                replies().unreadableBody(cause);
            }
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (last) {
            requestComplete = true;
        }
        if (!discarding && record.route != null) {
            requestBodyBytes += content.content().readableBytes();
            if (requestBodyBytes > record.route.maxBodySize) {
                content.release();
                replies().tooLarge();
                return;
            }
            timer.activity();
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
            onInvalidResponse(replies().invalidResponseDetail());
            return;
        }
        if (msg instanceof HttpResponse response) {
            int code = response.status().code();
            if (code == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                onSwitchingProtocols(response);
            } else if (code < 200) {
                // Interim responses (103 Early Hints) are dropped; the router answers Expect: 100-continue itself.
                ReferenceCountUtil.release(response);
                skippingInformational = !(response instanceof LastHttpContent);
                return;
            } else {
                startResponse(response);
            }
        }
        if (msg instanceof HttpContent content) {
            if (switching) {
                content.release();
                if (content instanceof LastHttpContent) {
                    openTunnel();
                }
            } else if (skippingInformational) {
                content.release();
                skippingInformational = !(content instanceof LastHttpContent);
            } else if (content instanceof LastHttpContent last) {
                endResponse(last);
            } else {
                record.responseBytes += content.content().readableBytes();
                timer.activity();
                client.write(content, client.voidPromise());
                if (!client.isWritable()) {
                    upstream.readResponses(false);
                }
            }
        }
    }

    private void onSwitchingProtocols(HttpResponse response) {
        if (!webSocket || !WebSockets.isUpgradeResponse(response)) {
            ReferenceCountUtil.release(response);
            onInvalidResponse(replies().unaskedSwitchDetail());
            return;
        }
        switching = true;
        ProxyHeaders.forwardResponse(response.headers(), clientRequest.requestId());
        WebSockets.restoreUpgradeHeaders(response.headers());
        responseStarted = true;
        record.status = response.status().code();
        client.write(response, client.voidPromise());
    }

    private void openTunnel() {
        client.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, client.voidPromise());
        finished = true;
        timer.cancel();
        inbound.upgraded();
        Tunnel.open(this, upstream.handOver(), record.switched());
    }

    private void startResponse(HttpResponse response) {
        upstreamKeepAlive = !webSocket && HttpUtil.isKeepAlive(response);
        ProxyHeaders.forwardResponse(response.headers(), clientRequest.requestId());
        closeClient |= clientRequest.adaptFraming(response);
        clientRequest.setConnectionHeader(response, closeClient);
        responseStarted = true;
        record.status = response.status().code();
        timer.responseStarted();
        client.write(response, client.voidPromise());
    }

    private void endResponse(LastHttpContent last) {
        record.responseBytes += last.content().readableBytes();
        upstream.release(upstreamKeepAlive && upstream.requestSent());
        if (!requestComplete) {
            // The instance answered before the whole request arrived; the rest of the body goes nowhere.
            discardRestOfRequest();
        }
        client.writeAndFlush(last).addListener(this);
    }

    void discardRestOfRequest() {
        discarding = true;
        timer.discard();
    }

    /** The response's last write finished. */
    @Override
    public void operationComplete(ChannelFuture future) {
        if (!future.isSuccess()) {
            abort();
            return;
        }
        responseComplete = true;
        record.uncount();
        record.finished();
        finishIfDone();
    }

    private void finishIfDone() {
        if (finished || !responseComplete || !(requestComplete || closeClient)) {
            return;
        }
        finished = true;
        timer.cancel();
        upstream.close();
        inbound.exchangeFinished(this, clientRequest.keepAlive() && requestComplete && !closeClient
                && !closeAfterRequest);
    }

    /** The upstream connection closed or failed; sent again on a fresh connection when that is safe (see Failover). */
    void onUpstreamClosed(Channel channel) {
        if (!upstream.owns(channel)) {
            return;
        }
        upstream.release(false);
        if (responseStarted) {
            abort();
        } else if (!clientRequest.idempotent() || upstream.bodyForwarded() || webSocket
                || !failover().retryAfterClose(upstream.reused())) {
            replies().upstreamClosed();
        }
    }

    /** Sends the request again, over a new connection to {@code backend}. */
    void resend(Backend backend) {
        upstream.reopen(backend);
    }

    void onInvalidResponse(String detail) {
        upstream.release(false);
        if (responseStarted) {
            abort();
        } else {
            replies().error(HttpResponseStatus.BAD_GATEWAY, detail);
        }
    }

    /** Leaves the queue and closes the upstream side before the router answers itself. */
    void dropUpstream() {
        leaveQueue();
        upstream.close();
    }

    private void leaveQueue() {
        if (wait != null) {
            wait.leave();
        }
    }

    /** Gives up: closes both connections. The client sees a broken response rather than a wrong one. */
    void abort() {
        if (finished) {
            return;
        }
        finished = true;
        leaveQueue();
        timer.cancel();
        upstream.close();
        record.uncount();
        record.finished();
        inbound.exchangeFinished(this, false);
    }

    void onClientClosed() {
        abort();
    }

    boolean finished() {
        return finished;
    }

    boolean requestComplete() {
        return requestComplete;
    }

    /** True while the exchange can take more of the request body from the client. */
    boolean wantsRequestContent() {
        return !requestComplete && wait == null && !upstream.connecting() && upstream.writable();
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
}
