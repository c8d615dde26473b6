package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.List;

/** The header changes a proxy makes on the way to an instance and back. */
final class ProxyHeaders {

    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString X_REQUEST_ID = AsciiString.cached("x-request-id");
    static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");

    /** Headers that describe one connection, never forwarded. Transfer-Encoding is left to the HTTP codecs. */
    private static final List<AsciiString> HOP_BY_HOP = List.of(
            HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE, PROXY_CONNECTION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE);

    private ProxyHeaders() {
    }

    /**
     * Prepares a client's request headers for the instance: drops hop-by-hop headers, appends the client to
     * X-Forwarded-For and sets X-Forwarded-Proto, X-Forwarded-Host and X-Request-Id. Host stays as sent.
     */
    static void forwardRequest(HttpHeaders headers, String clientIp, String requestId) {
        String host = headers.get(HttpHeaderNames.HOST);
        removeHopByHop(headers);
        List<String> forwardedFor = headers.getAll(X_FORWARDED_FOR);
        headers.set(X_FORWARDED_FOR, forwardedFor.isEmpty() ? clientIp : String.join(", ", forwardedFor) + ", " + clientIp);
        headers.set(X_FORWARDED_PROTO, "http");
        if (host != null) {
            headers.set(X_FORWARDED_HOST, host);
        }
        headers.set(X_REQUEST_ID, requestId);
    }

    /** Prepares an instance's response headers for the client. */
    static void forwardResponse(HttpHeaders headers, String requestId) {
        removeHopByHop(headers);
        headers.set(X_REQUEST_ID, requestId);
    }

    /** Removes the hop-by-hop headers and every header the Connection header names, except message framing. */
    static void removeHopByHop(HttpHeaders headers) {
        for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : connection.split(",")) {
                String name = token.strip();
                if (!name.isEmpty() && !isFraming(name)) {
                    headers.remove(name);
                }
            }
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    private static boolean isFraming(String name) {
        return HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                || HttpHeaderNames.TRANSFER_ENCODING.contentEqualsIgnoreCase(name);
    }
}
