package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Set;

/**
 * What a client's request head says about how to answer it, read before the head is rewritten for the
 * instance.
 *
 * @param requestId   the client's X-Request-Id if reasonable, else a new one
 * @param accept      the Accept header, for choosing the error format
 * @param keepAlive   whether the client wants the connection kept open
 * @param http10      whether the client speaks HTTP/1.0 (no chunked encoding)
 * @param idempotent  whether the request may be sent twice
 * @param head        whether it is a HEAD request, whose response has no body
 */
record ClientRequest(String requestId, String accept, boolean keepAlive, boolean http10, boolean idempotent,
                     boolean head) {

    /** Methods whose request may be sent twice, so a failed attempt can be retried. */
    static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

    static ClientRequest of(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return new ClientRequest(
                RequestIds.keepOrCreate(headers.get(ProxyHeaders.X_REQUEST_ID)),
                headers.get(HttpHeaderNames.ACCEPT),
                HttpUtil.isKeepAlive(request),
                request.protocolVersion().equals(HttpVersion.HTTP_1_0),
                IDEMPOTENT.contains(request.method()),
                HttpMethod.HEAD.equals(request.method()));
    }

    /**
     * Makes an instance's response framing one this client understands: chunked for an HTTP/1.1 client when
     * the instance ends the body by closing, and no chunking for an HTTP/1.0 client.
     *
     * @return true when the client connection must be closed to end the body
     */
    boolean adaptFraming(HttpResponse response) {
        int code = response.status().code();
        boolean bodyless = head || code == 204 || code == 304;
        boolean chunked = HttpUtil.isTransferEncodingChunked(response);
        boolean delimitedByClose = !bodyless && !chunked && !HttpUtil.isContentLengthSet(response);
        if (http10) {
            if (chunked) {
                response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
            }
            return chunked || delimitedByClose;
        }
        if (delimitedByClose) {
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        return false;
    }

    /** Tells the client whether its connection stays open after {@code response}. */
    void setConnectionHeader(HttpResponse response, boolean closing) {
        if (!keepAlive || closing) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }
}
