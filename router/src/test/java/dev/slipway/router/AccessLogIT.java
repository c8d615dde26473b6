package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessLogIT {

    private final TestBackend backend = TestBackend.start("backend");
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Router router = Router.start(RouterOptions.onPort(0).withAccessLog(log));

    @AfterEach
    void stop() {
        router.close();
        backend.close();
    }

    @Test
    void writesOneLinePerRequestOnceTheRouterHandsItOver() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("hello.localhost", backend.address()))));
        String id = TestClient.HTTP.send(TestClient.request(router.port(), "hello.localhost", "/predict?token=secret")
                        .header("X-Request-Id", "trace-1").build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .headers().firstValue("X-Request-Id").orElseThrow();
        TestClient.get(router.port(), "nobody.localhost", "/x y".replace(" ", "%20"));

        router.close();

        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z 127\\.0\\.0\\.1 hello\\.localhost GET "
                + "/predict 200 7 \\d+\\.\\d{3} " + backend.address().replace(".", "\\.") + " trace-1");
        assertThat(id).isEqualTo("trace-1");
        assertThat(lines.get(1)).matches(".* nobody\\.localhost GET /x%20y 404 \\d+ \\d+\\.\\d{3} - [0-9a-f]{32}");
    }
}
