package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Recognises WebSocket opening handshakes. Their Upgrade and Connection headers are the one case where the
 * router forwards those hop-by-hop headers; any other protocol upgrade is not offered to instances.
 */
final class WebSockets {

    private WebSockets() {
    }

    /** A {@code GET} over HTTP/1.1 asking to switch to {@code websocket}. */
    static boolean isUpgradeRequest(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return HttpMethod.GET.equals(request.method())
                && HttpVersion.HTTP_1_1.equals(request.protocolVersion())
                && headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                && headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true);
    }

    /** A {@code 101} switching to {@code websocket}. */
    static boolean isUpgradeResponse(HttpResponse response) {
        return response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()
                && response.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /** Puts back the upgrade headers that forwarding removed with the other hop-by-hop headers. */
    static void restoreUpgradeHeaders(HttpHeaders headers) {
        headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE);
        headers.set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
    }
}
