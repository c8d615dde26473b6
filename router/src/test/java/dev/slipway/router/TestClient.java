package dev.slipway.router;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Sends requests to a router with a chosen Host header. */
final class TestClient {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private TestClient() {
    }

    static HttpRequest.Builder request(int routerPort, String host, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + path))
                .timeout(TIMEOUT)
                .header("Host", host);
    }

    static HttpResponse<String> get(int routerPort, String host) throws IOException, InterruptedException {
        return get(routerPort, host, "/");
    }

    static HttpResponse<String> get(int routerPort, String host, String path) throws IOException, InterruptedException {
        return HTTP.send(request(routerPort, host, path).build(), HttpResponse.BodyHandlers.ofString());
    }
}
