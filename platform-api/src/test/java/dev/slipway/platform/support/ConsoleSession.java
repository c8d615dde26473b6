package dev.slipway.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, as a browser without JavaScript uses it: cookies kept, redirects not followed (the
 * tests look at them), forms posted as {@code application/x-www-form-urlencoded}. One client, so requests reuse a
 * kept-alive connection.
 */
public final class ConsoleSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\"[^>]*content=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public ConsoleSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Signs in with the form as a browser would: the form's page for its CSRF field, then the post, whose answer
     * (a redirect to {@code /} that sets the session cookie) it returns.
     */
    public HttpResponse<String> signIn(String token) {
        var form = get("/login");
        var answer = postForm("/login", Map.of("token", token, "_csrf", csrfField(form.body())));
        if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new AssertionError("sign-in did not lead to / but " + answer.statusCode() + " "
                    + answer.headers().map());
        }
        return answer;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A form post with exactly the given fields (add {@code _csrf} for a post a page would send). */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        var body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The session cookie the client holds, if any. */
    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    /** The value of the page's hidden {@code _csrf} form field. */
    public static String csrfField(String html) {
        return find(CSRF_FIELD, html, "a hidden _csrf field");
    }

    /** The CSRF token a signed-in page gives its scripts in {@code <meta name="csrf-token">}. */
    public static String csrfMeta(String html) {
        return find(CSRF_META, html, "<meta name=\"csrf-token\">");
    }

    private static String find(Pattern pattern, String html, String what) {
        var matcher = pattern.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("the page has no " + what + ":\n" + html);
        }
        return matcher.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
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
