package dev.slipway.platform.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sends requests to a deployed service through Slipway's router with the service's host name, as
 * {@code curl http://hello.localhost:8000/} does. (The JVM is allowed to set {@code Host} by the
 * {@code jdk.httpclient.allowRestrictedHeaders} property the build sets.)
 */
public final class ServiceClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String host;

    ServiceClient(int routerPort, String host) {
        this.uri = URI.create("http://127.0.0.1:" + routerPort + "/");
        this.host = host;
    }

    /** One GET of {@code /}; the status and body, or the exception as the body with status -1. */
    public Reply get() {
        return getPath("/");
    }

    /** One GET of {@code path}; the status and body, or the exception as the body with status -1. */
    public Reply getPath(String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(uri.resolve(path)).header("Host", host)
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, e.toString());
        }
    }

    /** What a request got. */
    public record Reply(int status, String body) {

        public boolean ok() {
            return status == 200;
        }
    }
}
