package dev.slipway.platform.routing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests to an app through a router, with the app's host name, as a user's browser sends them. */
final class AppClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private AppClient() {
    }

    /** {@code GET /} on {@code host} through the router on {@code port}. */
    static HttpResponse<String> get(int port, String host) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Host", host).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status and body of {@code GET /}, or the exception as text with status -1. */
    static String attempt(int port, String host) {
        try {
            HttpResponse<String> response = get(port, host);
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "-1 " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-1 " + e;
        }
    }
}
