package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The header changes a proxy makes on the way to an instance and back. */
final class ProxyHeaders {

    static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    static final AsciiString X_FORWARDED_HOST = AsciiString.cached("x-forwarded-host");
    static final AsciiString X_REQUEST_ID = AsciiString.cached("x-request-id");
    static final AsciiString PROXY_CONNECTION = AsciiString.cached("proxy-connection");
    static final AsciiString FORWARDED = AsciiString.cached("forwarded");
    static final AsciiString X_REAL_IP = AsciiString.cached("x-real-ip");
    private static final AsciiString X_FORWARDED_PREFIX = AsciiString.cached("x-forwarded-");
    private static final String HTTP = "http";
    /** The bit {@link #scan} sets when a forwarding header is present, above the hop-by-hop headers' bits. */
    private static final int FORWARDING = 1 << 6;

    /**
     * Headers that describe one connection, never forwarded, Connection first. Transfer-Encoding is left to the
     * HTTP codecs.
     */
    private static final List<AsciiString> HOP_BY_HOP = List.of(
            HttpHeaderNames.CONNECTION, HttpHeaderNames.KEEP_ALIVE, PROXY_CONNECTION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE);

    private static final List<AsciiString> KEPT = List.of(
            HttpHeaderValues.KEEP_ALIVE, HttpHeaderNames.HOST,
            HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.TRANSFER_ENCODING);

    private ProxyHeaders() {
    }

    /**
     * Prepares a client's request headers for the instance: drops hop-by-hop headers, sets X-Forwarded-For,
     * X-Forwarded-Proto, X-Forwarded-Host (to {@code host}, the Host header as sent, or null) and X-Request-Id. Host
     * stays as sent. This is the one place that decides which forwarding headers an instance may believe:
     * <ul>
     * <li>From a peer that is not a trusted proxy, every client-supplied {@code X-Forwarded-*}, {@code Forwarded}
     * and {@code X-Real-IP} header is dropped: X-Forwarded-For becomes the peer's address alone, and
     * X-Forwarded-Proto and X-Forwarded-Host say what the router saw.</li>
     * <li>From a trusted proxy, the peer's address is appended to X-Forwarded-For and the other forwarding headers
     * are kept; X-Forwarded-Proto and X-Forwarded-Host are set only when the proxy sent none.</li>
     * </ul>
     *
     * @param clientIp    the connection's peer address
     * @param trustedPeer whether that peer is a trusted proxy ({@link TrustedProxies#trusts})
     */
    static void forwardRequest(HttpHeaders headers, String host, String clientIp, boolean trustedPeer,
                               String requestId) {
        int present = scan(headers, !trustedPeer);
        removeHopByHop(headers, present & ~FORWARDING);
        if (trustedPeer) {
            if (headers.contains(X_FORWARDED_FOR)) {
                headers.set(X_FORWARDED_FOR, String.join(", ", headers.getAll(X_FORWARDED_FOR)) + ", " + clientIp);
            } else {
                headers.set(X_FORWARDED_FOR, clientIp);
            }
            if (!headers.contains(X_FORWARDED_PROTO)) {
                headers.set(X_FORWARDED_PROTO, HTTP);
            }
            if (host != null && !headers.contains(X_FORWARDED_HOST)) {
                headers.set(X_FORWARDED_HOST, host);
            }
        } else {
            if ((present & FORWARDING) != 0) {
                removeForwarding(headers);
            }
            headers.set(X_FORWARDED_FOR, clientIp);
            headers.set(X_FORWARDED_PROTO, HTTP);
            if (host != null) {
                headers.set(X_FORWARDED_HOST, host);
            }
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
        removeHopByHop(headers, scan(headers, false));
    }

    /**
     * One walk over the headers that finds the few hop-by-hop ones present (their bits among {@link #HOP_BY_HOP})
     * and, when {@code forwarding} is asked for, whether any forwarding header is present ({@link #FORWARDING}).
     * Removing all six hop-by-hop headers by name would cost six hash lookups per message, and most messages carry
     * none of them or only Connection.
     */
    private static int scan(HttpHeaders headers, boolean forwarding) {
        int present = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            present |= hopByHopBit(name);
            if (forwarding && isForwarding(name)) {
                present |= FORWARDING;
            }
        }
        return present;
    }

    private static void removeHopByHop(HttpHeaders headers, int present) {
        if (present == 0) {
            return;
        }
        if ((present & 1) != 0) {
            for (String connection : headers.getAll(HttpHeaderNames.CONNECTION)) {
                removeNamedBy(headers, connection);
            }
        }
        for (int i = 0; i < HOP_BY_HOP.size(); i++) {
            if ((present & (1 << i)) != 0) {
                headers.remove(HOP_BY_HOP.get(i));
            }
        }
    }

    /** Removes every header {@link #isForwarding} names; called only when a client sent one. */
    private static void removeForwarding(HttpHeaders headers) {
        List<String> names = new ArrayList<>(2);
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            if (isForwarding(name)) {
                names.add(name.toString());
            }
        }
        names.forEach(headers::remove);
    }

    /** Whether {@code name} is X-Forwarded-(anything), Forwarded or X-Real-IP, in any case. */
    static boolean isForwarding(CharSequence name) {
        int length = name.length();
        if (length == FORWARDED.length()) {
            return FORWARDED.contentEqualsIgnoreCase(name) || X_REAL_IP.contentEqualsIgnoreCase(name);
        }
        if (length <= X_FORWARDED_PREFIX.length()) {
            return false;
        }
        for (int i = 0; i < X_FORWARDED_PREFIX.length(); i++) {
            if (Character.toLowerCase(name.charAt(i)) != X_FORWARDED_PREFIX.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The bit of {@code name} among {@link #HOP_BY_HOP}, Connection's being 1; 0 for any other header. */
    private static int hopByHopBit(CharSequence name) {
        int length = name.length();
        for (int i = 0; i < HOP_BY_HOP.size(); i++) {
            AsciiString hop = HOP_BY_HOP.get(i);
            if (hop.length() == length && hop.contentEqualsIgnoreCase(name)) {
                return 1 << i;
            }
        }
        return 0;
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
