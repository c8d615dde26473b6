package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.RunningSlipway;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a script engine: signs in through the real form, keeps the session cookie, and sends forms
 * with the CSRF field read from the page that shows them. Redirects are not followed, so tests see them.
 */
final class ConsoleFormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** An answer: status, where it redirects to (or null), and the page. */
    record Page(int status, String location, String body) {
    }

    private ConsoleFormClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Signs in to {@code slipway}'s console with the admin token, as a user does on /login. */
    static ConsoleFormClient signIn(RunningSlipway slipway) {
        var client = new ConsoleFormClient(slipway.baseUrl());
        var signedIn = client.submit("/login", "/login", Map.of("token", RunningSlipway.TOKEN));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).as("signed in").endsWith("/").doesNotContain("error");
        return client;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** Opens {@code page}, then posts {@code fields} with that page's CSRF field to {@code action}. */
    Page submit(String page, String action, Map<String, String> fields) {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page));
        var body = all.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Opens {@code page}, then posts {@code fields} and one file as {@code multipart/form-data}, as a form with a
     * file input sends them.
     */
    Page submitMultipart(String page, String action, Map<String, String> fields, String fileField, String fileName,
                         String fileText) {
        var boundary = "----slipway" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page));
        all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/yaml\r\n\r\n" + fileText + "\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private String csrf(String page) {
        var shown = get(page);
        var matcher = CSRF.matcher(shown.body());
        assertThat(matcher.find()).as("a CSRF field on " + page + ": " + shown.body()).isTrue();
        return matcher.group(1);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
