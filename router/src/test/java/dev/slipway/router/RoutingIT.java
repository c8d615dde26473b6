package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RoutingIT {

    private final TestBackend alpha = TestBackend.start("alpha");
    private final TestBackend beta = TestBackend.start("beta");
    private final Router router = Router.start(RouterOptions.onPort(0));

    @AfterEach
    void stop() {
        router.close();
        alpha.close();
        beta.close();
    }

    @Test
    void routesByHostIgnoringCaseAndPort() throws Exception {
        router.publish(RouteTable.of(List.of(
                Route.of("alpha.localhost", alpha.address()),
                Route.of("beta.localhost", beta.address()))));

        assertThat(TestClient.get(router.port(), "Alpha.LOCALHOST:8000").body()).isEqualTo("alpha");
        assertThat(TestClient.get(router.port(), "beta.localhost").body()).isEqualTo("beta");
        assertThat(TestClient.get(router.port(), "alpha.localhost.").body()).isEqualTo("alpha");
    }

    @Test
    void answersUnknownHostWith404ProblemJson() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("alpha.localhost", alpha.address()))));

        HttpResponse<String> response = TestClient.get(router.port(), "nobody.localhost:8000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(32));
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asString()).isEqualTo("No service is routed at host 'nobody.localhost'.");
        assertThat(alpha.requests()).isZero();
    }

    @Test
    void answersUnknownHostWithHtmlPageWhenTheClientPrefersHtml() throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(TestClient.request(router.port(), "<b>x.localhost", "/")
                        .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<title>404 Not Found</title>")
                .contains("No service is routed at host &#39;&lt;b&gt;x.localhost&#39;.")
                .contains(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void keepsServingTheClientConnectionAfterAnError() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("alpha.localhost", alpha.address()))));
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            assertThat(connection.get("nobody.localhost", "/", "").status()).isEqualTo(404);
            assertThat(connection.get("alpha.localhost", "/", "").bodyText()).isEqualTo("alpha");
        }
    }

    @Test
    void answersAnUnknownHostWhileTheClientIsStillUploadingAndKeepsTheConnection() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("alpha.localhost", alpha.address()))));
        byte[] body = new byte[200_000];
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST / HTTP/1.1\r\nHost: nobody.localhost\r\nContent-Length: " + body.length + "\r\n\r\n");
            connection.send(Arrays.copyOfRange(body, 0, 1000));

            assertThat(connection.read(false).status()).isEqualTo(404);

            connection.send(Arrays.copyOfRange(body, 1000, body.length));
            assertThat(connection.get("alpha.localhost", "/", "").bodyText()).isEqualTo("alpha");
        }
        HttpResponse<String> viaHttpClient = TestClient.HTTP.send(TestClient.request(router.port(), "nobody.localhost", "/")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024])).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaHttpClient.statusCode()).isEqualTo(404);
    }

    @Test
    void closesAfterAnsweringARequestThatStillWaitsFor100Continue() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("PUT /model HTTP/1.1\r\nHost: nobody.localhost\r\nContent-Length: 5000\r\n"
                    + "Expect: 100-continue\r\n\r\n");

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    @Test
    void answersHeadForAnUnknownHostWithoutABody() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("alpha.localhost", alpha.address()))));
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("HEAD / HTTP/1.1\r\nHost: nobody.localhost\r\n\r\n");
            assertThat(connection.read(true).status()).isEqualTo(404);

            assertThat(connection.get("alpha.localhost", "/", "").bodyText()).isEqualTo("alpha");
        }
    }

    @Test
    void answersOversizedHeadersWith431AndCloses() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            RawHttpConnection.Response response = connection.get("alpha.localhost", "/",
                    "X-Huge: " + "x".repeat(20_000) + "\r\n");

            assertThat(response.status()).isEqualTo(431);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    @Test
    void answersRequestWithoutHostWith400() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("GET / HTTP/1.0\r\n\r\n");
            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.bodyText()).contains("no Host header");
        }
    }

    @Test
    void spreadsRequestsByWeightAndSkipsZeroWeightTargets() throws Exception {
        TestBackend idle = TestBackend.start("idle");
        try (Router oneLoop = Router.start(RouterOptions.onPort(0).withEventLoops(1))) {
            oneLoop.publish(RouteTable.of(List.of(new Route("app.localhost", List.of(
                    new Target(alpha.address(), 75), new Target(beta.address(), 25), new Target(idle.address(), 0))))));
            Map<String, Integer> hits = new HashMap<>();
            for (int i = 0; i < 40; i++) {
                hits.merge(TestClient.get(oneLoop.port(), "app.localhost").body(), 1, Integer::sum);
            }

            assertThat(hits).containsExactlyInAnyOrderEntriesOf(Map.of("alpha", 30, "beta", 10));
        } finally {
            idle.close();
        }
    }

    @Test
    void answers503WhenNoTargetTakesRequests() throws Exception {
        router.publish(RouteTable.of(List.of(new Route("app.localhost", List.of(new Target(alpha.address(), 0))))));

        HttpResponse<String> response = TestClient.get(router.port(), "app.localhost");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(response.body()).contains("has no instance taking requests");
    }

    @Test
    void servesOverTheNioTransportToo() throws Exception {
        try (Router nio = Router.start(RouterOptions.onPort(0), Transport.nio())) {
            nio.publish(RouteTable.of(List.of(Route.of("alpha.localhost", alpha.address()))));

            assertThat(TestClient.get(nio.port(), "alpha.localhost").body()).isEqualTo("alpha");
        }
    }
}
