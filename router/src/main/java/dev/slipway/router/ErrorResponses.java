package dev.slipway.router;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router's own error responses: RFC 9457 problem details in JSON, or a small HTML page for clients
 * whose Accept header prefers HTML. Both carry the request id.
 */
final class ErrorResponses {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String HTML = "text/html; charset=utf-8";

    private ErrorResponses() {
    }

    static FullHttpResponse create(HttpResponseStatus status, String detail, String requestId, String accept,
                                   ByteBufAllocator allocator) {
        boolean html = AcceptHeader.prefersHtml(accept);
        byte[] body = html ? html(status, detail, requestId) : problemJson(status, detail);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                allocator.buffer(body.length).writeBytes(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, html ? HTML : PROBLEM_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(ProxyHeaders.X_REQUEST_ID, requestId);
        return response;
    }

    static byte[] problemJson(HttpResponseStatus status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.reasonPhrase());
        problem.put("status", status.code());
        problem.put("detail", detail);
        return JsonMapper.shared().writeValueAsBytes(problem);
    }

    static byte[] html(HttpResponseStatus status, String detail, String requestId) {
        String title = status.code() + " " + escape(status.reasonPhrase());
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head>\n<body><h1>" + title + "</h1>\n<p>" + escape(detail)
                + "</p>\n<p><small>Request id: " + escape(requestId) + "</small></p></body></html>\n";
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
