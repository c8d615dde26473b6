package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
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

    private static final List<AsciiString> KEPT = List.of(
            HttpHeaderValues.KEEP_ALIVE, HttpHeaderNames.HOST,
            HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.TRANSFER_ENCODING);

    private ProxyHeaders() {
    }

    /**
     * Prepares a client's request headers for the instance: drops hop-by-hop headers, appends the client to
     * X-Forwarded-For and sets X-Forwarded-Proto, X-Forwarded-Host and X-Request-Id. Host stays as sent.
     */
    static void forwardRequest(HttpHeaders headers, String clientIp, String requestId) {
        String host = headers.get(HttpHeaderNames.HOST);
        removeHopByHop(headers);
        if (headers.contains(X_FORWARDED_FOR)) {
            headers.set(X_FORWARDED_FOR, String.join(", ", headers.getAll(X_FORWARDED_FOR)) + ", " + clientIp);
        } else {
            headers.set(X_FORWARDED_FOR, clientIp);
        }
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
        if (headers.contains(HttpHeaderNames.CONNECTION)) {
            for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
                removeNamedBy(headers, connection);
            }
        }
        for (AsciiString name : HOP_BY_HOP) {
            headers.remove(name);
        }
    }

    /** Removes the headers a Connection value lists; its usual tokens take no allocation. */
    private static void removeNamedBy(HttpHeaders headers, String connection) {
        int start = 0;
        while (start <= connection.length()) {
            int end = connection.indexOf(',', start);
            if (end < 0) {
                end = connection.length();
            }
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(connection.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(connection.charAt(to - 1))) {
                to--;
            }
            if (from < to && !isKept(connection, from, to - from)) {
                headers.remove(connection.substring(from, to));
            }
            start = end + 1;
        }
    }

    /**
     * True for tokens that name no header to remove here: message framing, which the codecs own, and
     * Keep-Alive, which is removed anyway and is the usual token, so it costs no allocation.
     */
    private static boolean isKept(String value, int from, int length) {
        for (AsciiString name : KEPT) {
            if (name.length() == length && value.regionMatches(true, from, name.toString(), 0, length)) {
                return true;
            }
        }
        return false;
    }
}
