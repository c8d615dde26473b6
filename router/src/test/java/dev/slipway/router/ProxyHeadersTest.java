package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyHeadersTest {

    @Test
    void removesHopByHopHeadersAndThoseNamedInConnectionButKeepsFraming() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Host", "a.localhost")
                .add("Connection", "keep-alive, X-Private")
                .add("Connection", "Content-Length, Host")
                .add("Connection", ",X-Spaced ,,")
                .add("X-Private", "1")
                .add("X-Spaced", "2")
                .add("Keep-Alive", "timeout=5")
                .add("Proxy-Connection", "keep-alive")
                .add("TE", "trailers")
                .add("Trailer", "X-Sum")
                .add("Upgrade", "websocket")
                .add("Content-Length", "3")
                .add("Transfer-Encoding", "chunked")
                .add("X-Public", "yes");

        ProxyHeaders.removeHopByHop(headers);

        assertThat(headers.names()).containsExactlyInAnyOrder("Host", "Content-Length", "Transfer-Encoding", "X-Public");
    }

    @Test
    void removesHopByHopHeadersInAnyCaseWithoutAConnectionHeader() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("KEEP-ALIVE", "timeout=5")
                .add("x-public", "yes")
                .add("te", "trailers")
                .add("UpGrade", "h2c")
                .add("Teapot", "no");

        ProxyHeaders.removeHopByHop(headers);

        assertThat(headers.names()).containsExactlyInAnyOrder("x-public", "Teapot");
    }

    @Test
    void leavesMessagesWithoutHopByHopHeadersAlone() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "a.localhost").add("Content-Length", "0");

        ProxyHeaders.removeHopByHop(headers);

        assertThat(headers.names()).containsExactly("Host", "Content-Length");
    }

    @Test
    void fromATrustedProxyAppendsThePeerToEveryEarlierForwardedForAndKeepsTheOthers() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Host", "a.localhost:8000")
                .add("X-Forwarded-For", "198.51.100.1")
                .add("X-Forwarded-For", "198.51.100.2")
                .add("X-Forwarded-Proto", "https")
                .add("Forwarded", "for=198.51.100.1;proto=https");

        ProxyHeaders.forwardRequest(headers, headers.get("Host"), "127.0.0.1", true, "id-1");

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("198.51.100.1, 198.51.100.2, 127.0.0.1");
        assertThat(headers.getAll("X-Forwarded-For")).hasSize(1);
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("a.localhost:8000");
        assertThat(headers.get("Forwarded")).isEqualTo("for=198.51.100.1;proto=https");
        assertThat(headers.get("Host")).isEqualTo("a.localhost:8000");
        assertThat(headers.get("X-Request-Id")).isEqualTo("id-1");
    }

    @Test
    void fromAnyOtherPeerReplacesEveryForwardingHeaderWithWhatTheRouterSaw() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("Host", "a.localhost:8000")
                .add("x-forwarded-for", "10.0.0.1")
                .add("X-FORWARDED-FOR", "10.0.0.2")
                .add("X-Forwarded-Proto", "https")
                .add("X-Forwarded-Host", "admin.internal")
                .add("X-Forwarded-Port", "443")
                .add("X-Forwarded-Prefix", "/admin")
                .add("FORWARDED", "for=10.0.0.1")
                .add("X-Real-IP", "10.0.0.1")
                .add("Connection", "X-Forwarded-Ssl")
                .add("X-Forwarded-Ssl", "on")
                .add("X-Forwarded", "not a forwarding header")
                .add("Forwarded-By", "kept");

        ProxyHeaders.forwardRequest(headers, headers.get("Host"), "192.0.2.9", false, "id-2");

        assertThat(headers.names()).containsExactlyInAnyOrder("Host", "X-Forwarded", "Forwarded-By",
                "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-request-id");
        assertThat(headers.getAll("X-Forwarded-For")).containsExactly("192.0.2.9");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("a.localhost:8000");
    }

    @Test
    void aTrustedProxyThatSentNoForwardingHeadersGetsTheRoutersOwn() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Host", "a.localhost");

        ProxyHeaders.forwardRequest(headers, headers.get("Host"), "10.1.2.3", true, "id-3");

        assertThat(headers.get("X-Forwarded-For")).isEqualTo("10.1.2.3");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("a.localhost");
    }

    @Test
    void tellsForwardingHeadersFromOthersInAnyCase() {
        for (String name : List.of("X-Forwarded-For", "x-forwarded-proto", "X-FORWARDED-HOST", "X-Forwarded-Client-Cert",
                "Forwarded", "forwarded", "X-Real-IP", "x-real-ip")) {
            assertThat(ProxyHeaders.isForwarding(name)).as(name).isTrue();
        }
        for (String name : List.of("X-Forwarded", "X-Forwarded-", "Forwarded-By", "Host", "X-Real-IPs", "x-request-id")) {
            assertThat(ProxyHeaders.isForwarding(name)).as(name).isFalse();
        }
    }

    @Test
    void keepsReasonableRequestIdsAndReplacesOthers() {
        assertThat(RequestIds.keepOrCreate("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIds.keepOrCreate(null)).matches("[0-9a-f]{32}");
        assertThat(RequestIds.keepOrCreate("has space")).matches("[0-9a-f]{32}");
        assertThat(RequestIds.keepOrCreate("x".repeat(RequestIds.MAX_LENGTH + 1))).matches("[0-9a-f]{32}");
        assertThat(RequestIds.create()).isNotEqualTo(RequestIds.create());
    }
}
