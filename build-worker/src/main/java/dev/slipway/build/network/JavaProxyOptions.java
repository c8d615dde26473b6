package dev.slipway.build.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Translates {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY} into the JVM's proxy
 * properties, which Java's HTTP clients (and Maven's transport) read instead of the variables.
 * {@code NO_PROXY}'s domains become {@code http.nonProxyHosts} patterns ({@code .corp.example} and
 * {@code corp.example} both cover the domain and its subdomains, as with curl); CIDR ranges have
 * no Java equivalent and are left out; Java's own default exceptions for loopback stay. A login in
 * a proxy URL is not passed on: Java's clients take it only from code or Maven's settings.xml.
 */
final class JavaProxyOptions {

    /** What {@code http.nonProxyHosts} holds when unset; setting it replaces them, so they are kept. */
    static final List<String> JAVA_DEFAULT_EXCEPTIONS = List.of("localhost", "127.*", "[::1]");

    private JavaProxyOptions() {
    }

    /** The options, or empty when neither proxy is set (or neither can be read as host and port). */
    static Optional<String> of(Optional<String> httpProxy, Optional<String> httpsProxy, Optional<String> noProxy) {
        var options = new ArrayList<String>();
        httpProxy.flatMap(JavaProxyOptions::hostAndPort).ifPresent(proxy ->
                options.add("-Dhttp.proxyHost=" + proxy.host() + " -Dhttp.proxyPort=" + proxy.port()));
        httpsProxy.flatMap(JavaProxyOptions::hostAndPort).ifPresent(proxy ->
                options.add("-Dhttps.proxyHost=" + proxy.host() + " -Dhttps.proxyPort=" + proxy.port()));
        if (options.isEmpty()) {
            return Optional.empty();
        }
        noProxy.map(JavaProxyOptions::nonProxyHosts).ifPresent(hosts -> options.add("-Dhttp.nonProxyHosts=" + hosts));
        return Optional.of(String.join(" ", options));
    }

    record Proxy(String host, int port) {
    }

    /** The host and port of a proxy URL; a URL without a scheme is taken as {@code http://}. */
    static Optional<Proxy> hostAndPort(String url) {
        var withScheme = url.contains("://") ? url : "http://" + url;
        try {
            var uri = new URI(withScheme);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            var port = uri.getPort() != -1 ? uri.getPort()
                    : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            return Optional.of(new Proxy(uri.getHost(), port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code NO_PROXY}'s entries as Java patterns, joined by {@code |}. */
    static String nonProxyHosts(String noProxy) {
        var hosts = new LinkedHashSet<String>();
        for (var raw : noProxy.split("[,\\s]+")) {
            var entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty() || entry.contains("/")) {
                continue;
            }
            if (entry.equals("*")) {
                hosts.add("*");
                continue;
            }
            entry = withoutPort(entry);
            var domain = entry.startsWith("*.") ? entry.substring(2)
                    : entry.startsWith(".") ? entry.substring(1) : entry;
            hosts.add(domain);
            if (!domain.matches("[0-9.]+") && !domain.startsWith("[")) {
                hosts.add("*." + domain);
            }
        }
        hosts.addAll(JAVA_DEFAULT_EXCEPTIONS);
        return String.join("|", hosts);
    }

    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            var end = entry.indexOf(']');
            return end > 0 ? entry.substring(0, end + 1) : entry;
        }
        var colon = entry.lastIndexOf(':');
        return colon > 0 && entry.indexOf(':') == colon ? entry.substring(0, colon) : entry;
    }
}
