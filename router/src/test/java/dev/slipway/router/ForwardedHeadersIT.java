package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an instance learns about its client: only what the router saw, unless a trusted proxy says more. */
class ForwardedHeadersIT {

    private static final String FORGED = "X-Forwarded-For: 203.0.113.7\r\n"
            + "X-Forwarded-For: 198.51.100.1\r\n"
            + "X-Forwarded-Proto: https\r\n"
            + "X-Forwarded-Host: admin.example\r\n"
            + "X-Forwarded-Port: 443\r\n"
            + "Forwarded: for=203.0.113.7;proto=https\r\n"
            + "X-Real-IP: 203.0.113.7\r\n";

    private final TestBackend backend = TestBackend.start("backend");
    /** Trusts 127.0.0.2 only; tests connect from 127.0.0.1 (a client) and 127.0.0.2 (a proxy in front). */
    private final Router router = Router.start(RouterOptions.onPort(0)
            .withTrustedProxies(TrustedProxies.parse("127.0.0.2/32")));

    ForwardedHeadersIT() {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", backend.address()))));
    }

    @AfterEach
    void stop() {
        router.close();
        backend.close();
    }

    @Test
    void aClientsForgedForwardingHeadersDoNotReachTheApp() throws Exception {
        try (RawHttpConnection client = new RawHttpConnection(router.port(), InetAddress.getByName("127.0.0.1"))) {
            assertThat(client.get("app.localhost", "/", FORGED).status()).isEqualTo(200);
        }

        Headers seen = backend.lastRequestHeaders();
        assertThat(seen.get("X-Forwarded-For")).containsExactly("127.0.0.1");
        assertThat(seen.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(seen.get("X-Forwarded-Host")).containsExactly("app.localhost");
        for (String dropped : List.of("X-Forwarded-Port", "Forwarded", "X-Real-IP")) {
            assertThat(seen.containsKey(dropped)).as(dropped).isFalse();
        }
    }

    @Test
    void fromATrustedProxyTheChainIsKeptAndExtended() throws Exception {
        try (RawHttpConnection proxy = new RawHttpConnection(router.port(), InetAddress.getByName("127.0.0.2"))) {
            assertThat(proxy.get("app.localhost", "/", FORGED).status()).isEqualTo(200);
        }

        Headers seen = backend.lastRequestHeaders();
        assertThat(seen.get("X-Forwarded-For")).containsExactly("203.0.113.7, 198.51.100.1, 127.0.0.2");
        assertThat(seen.get("X-Forwarded-Proto")).containsExactly("https");
        assertThat(seen.get("X-Forwarded-Host")).containsExactly("admin.example");
        assertThat(seen.get("X-Forwarded-Port")).containsExactly("443");
        assertThat(seen.get("Forwarded")).containsExactly("for=203.0.113.7;proto=https");
    }
}
