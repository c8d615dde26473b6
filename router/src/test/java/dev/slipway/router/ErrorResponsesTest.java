package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    @Test
    void writesProblemJsonWithTheRequestId() {
        FullHttpResponse response = ErrorResponses.create(HttpResponseStatus.BAD_GATEWAY,
                "Host \"x\" is down.", "id-7", "*/*", ByteBufAllocator.DEFAULT);
        try {
            assertThat(response.status()).isEqualTo(HttpResponseStatus.BAD_GATEWAY);
            assertThat(response.headers().get("Content-Type")).isEqualTo("application/problem+json");
            assertThat(response.headers().get("X-Request-Id")).isEqualTo("id-7");
            String body = response.content().toString(StandardCharsets.UTF_8);
            assertThat(body).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Gateway\",\"status\":502,"
                    + "\"detail\":\"Host \\\"x\\\" is down.\"}");
            assertThat(response.headers().getInt("Content-Length")).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
        } finally {
            response.release();
        }
    }

    @Test
    void writesAnEscapedHtmlPageForBrowsers() {
        FullHttpResponse response = ErrorResponses.create(HttpResponseStatus.NOT_FOUND,
                "No service at '<script>'.", "id-8", "text/html", ByteBufAllocator.DEFAULT);
        try {
            assertThat(response.headers().get("Content-Type")).isEqualTo("text/html; charset=utf-8");
            assertThat(response.content().toString(StandardCharsets.UTF_8))
                    .contains("<h1>404 Not Found</h1>")
                    .contains("No service at &#39;&lt;script&gt;&#39;.")
                    .contains("Request id: id-8")
                    .doesNotContain("<script>");
        } finally {
            response.release();
        }
    }
}
