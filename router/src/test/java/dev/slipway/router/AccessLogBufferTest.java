package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessLogBufferTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void formatsALineWithEscapesAndPlaceholders() {
        AccessLog log = new AccessLog(out);
        AccessLogBuffer buffer = new AccessLogBuffer(log);
        long at = Instant.parse("2026-05-01T09:30:00.125Z").toEpochMilli();

        buffer.append(at, "127.0.0.1", "h\u00e9llo.localhost", "GET", "/a\"b?q=1", 200, 512, 3_250_400, "127.0.0.1:9001", "id-1");
        buffer.append(at + 1000, "::1", null, "POST", "http://x/up", 0, 0, 999, null, "id-2");
        buffer.flush();
        log.close();

        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "2026-05-01T09:30:00.125Z 127.0.0.1 h\\xe9llo.localhost GET /a\\x22b 200 512 3.250 127.0.0.1:9001 id-1\n"
                        + "2026-05-01T09:30:01.125Z ::1 - POST /up 499 0 0.000 - id-2\n");
    }

    @Test
    void handsOverFullChunksAndKeepsEveryLine() {
        AccessLog log = new AccessLog(out);
        AccessLogBuffer buffer = new AccessLogBuffer(log);
        String path = "/" + "p".repeat(1000);
        for (int i = 0; i < 500; i++) {
            buffer.append(0, "10.0.0.1", "a.localhost", "GET", path, 200, i, 1_000_000, "127.0.0.1:1", "id");
        }
        buffer.flush();
        log.close();

        assertThat(out.toString(StandardCharsets.US_ASCII).lines()).hasSize(500)
                .allSatisfy(line -> assertThat(line).startsWith("1970-01-01T00:00:00.000Z 10.0.0.1 a.localhost GET /ppp"));
        assertThat(log.dropped()).isZero();
    }
}
