package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client address cannot hold more than its share of the router's connections; others are not affected. */
class ClientConnectionCapIT {

    private static final int CAP = 3;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestBackend backend = TestBackend.start("backend");
    private final InetAddress first;
    private final InetAddress second;
    private final InetAddress proxy;
    private final Router router;
    private final List<RawHttpConnection> open = new ArrayList<>();

    ClientConnectionCapIT() throws IOException {
        first = InetAddress.getByName("127.0.0.1");
        second = InetAddress.getByName("127.0.0.2");
        proxy = InetAddress.getByName("127.0.0.3");
        router = Router.start(RouterOptions.onPort(0).withMaxConnectionsPerClient(CAP)
                .withTrustedProxies(TrustedProxies.parse("127.0.0.3/32")).withMeterRegistry(registry));
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", backend.address()))));
    }

    @AfterEach
    void stop() throws IOException {
        for (RawHttpConnection connection : open) {
            connection.close();
        }
        router.close();
        backend.close();
    }

    @Test
    void refusesTheConnectionOverTheCapFromOneAddressWhileAnotherStillConnects() throws Exception {
        for (int i = 0; i < CAP; i++) {
            assertThat(connect(first).get("app.localhost", "/", "").status()).isEqualTo(200);
        }

        assertThat(refused(first)).as("connection %d from %s", CAP + 1, first).isTrue();
        assertThat(connect(second).get("app.localhost", "/", "").status()).isEqualTo(200);
        assertThat(open.get(0).get("app.localhost", "/", "").status()).as("an admitted connection").isEqualTo(200);
        assertThat(registry.get(RouterMetrics.REFUSED_CONNECTIONS).tag(RouterMetrics.LIMIT_TAG, RouterMetrics.LIMIT_CLIENT)
                .counter().count()).isEqualTo(1);
        assertThat(registry.get(RouterMetrics.REFUSED_CONNECTIONS).tag(RouterMetrics.LIMIT_TAG, RouterMetrics.LIMIT_ROUTER)
                .counter().count()).isZero();
    }

    @Test
    void aFreedSlotCanBeUsedAgain() throws Exception {
        for (int i = 0; i < CAP; i++) {
            assertThat(connect(first).get("app.localhost", "/", "").status()).isEqualTo(200);
        }
        assertThat(refused(first)).isTrue();

        open.remove(0).close();
        await().untilAsserted(() -> assertThat(router.openConnections()).isEqualTo(CAP - 1));

        assertThat(connect(first).get("app.localhost", "/", "").status()).isEqualTo(200);
        assertThat(refused(first)).as("the cap holds again").isTrue();
    }

    @Test
    void aTrustedProxyIsNotCapped() throws Exception {
        for (int i = 0; i < CAP + 2; i++) {
            assertThat(connect(proxy).get("app.localhost", "/", "").status()).isEqualTo(200);
        }
        assertThat(router.openConnections()).isEqualTo(CAP + 2);
    }

    private RawHttpConnection connect(InetAddress from) throws IOException {
        RawHttpConnection connection = new RawHttpConnection(router.port(), from);
        open.add(connection);
        return connection;
    }

    /** Whether the router closes a new connection from {@code from} before it is asked anything. */
    private boolean refused(InetAddress from) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), router.port(), from, 0)) {
            // Well below the header read timeout (10 s), after which an admitted connection is closed too.
            socket.setSoTimeout(3_000);
            return readOrReset(socket.getInputStream()) == -1;
        }
    }

    /** -1 for an orderly close, a reset counting as closed too; 0 when nothing came within the socket's timeout. */
    private static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            return -1;
        }
    }
}
