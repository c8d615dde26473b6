package dev.slipway.platform.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * A Python package index of the test's own (PEP 503 "simple" pages and wheel files over HTTP), as
 * a company's mirror would be, so {@code pip install} works on a machine that cannot reach PyPI.
 * Its wheels are made from the pure-Python modules Debian installs (e.g. {@code python3-flask}
 * under {@code /usr/lib/python3/dist-packages}), with the metadata and dependencies given here.
 */
public final class PythonPackageIndex implements AutoCloseable {

    /** A distribution to publish: its importable module (a directory) and its requirements. */
    public record Distribution(String name, String version, String module, List<String> requires) {
    }

    /** Flask and what it needs, as Debian bookworm's python3-flask installs them. */
    public static final List<Distribution> FLASK = List.of(
            new Distribution("Flask", "2.2.2", "flask",
                    List.of("Werkzeug>=2.2.2", "Jinja2>=3.0", "itsdangerous>=2.0", "click>=8.0")),
            new Distribution("Werkzeug", "2.2.2", "werkzeug", List.of("MarkupSafe>=2.1.1")),
            new Distribution("Jinja2", "3.1.2", "jinja2", List.of("MarkupSafe>=2.0")),
            new Distribution("MarkupSafe", "2.1.2", "markupsafe", List.of()),
            new Distribution("itsdangerous", "2.1.2", "itsdangerous", List.of()),
            new Distribution("click", "8.1.3", "click", List.of()));

    public static final Path DEBIAN_PACKAGES = Path.of("/usr/lib/python3/dist-packages");

    private final HttpServer server;
    private final Map<String, Wheel> wheels;
    private final List<String> served = new CopyOnWriteArrayList<>();

    private record Wheel(Distribution distribution, String file, byte[] bytes, String sha256) {
    }

    private PythonPackageIndex(HttpServer server, Map<String, Wheel> wheels) {
        this.server = server;
        this.wheels = wheels;
    }

    /**
     * Serves the distributions on {@code host} (e.g. the Docker bridge's gateway, which build
     * containers reach). Skips the test when Debian's modules are not installed.
     */
    public static PythonPackageIndex start(String host, List<Distribution> distributions) {
        var wheels = new LinkedHashMap<String, Wheel>();
        for (var distribution : distributions) {
            var module = DEBIAN_PACKAGES.resolve(distribution.module());
            Assumptions.assumeTrue(Files.isDirectory(module), module + " is missing: apt-get install python3-flask");
            var wheel = wheel(distribution, module);
            wheels.put(normalise(distribution.name()), wheel);
        }
        try {
            var server = HttpServer.create(new InetSocketAddress(host, 0), 0);
            var index = new PythonPackageIndex(server, wheels);
            server.createContext("/", index::handle);
            server.start();
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The index's URL, as {@code PIP_INDEX_URL} takes it. */
    public String url() {
        var address = server.getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort() + "/simple/";
    }

    /** The wheel files downloaded so far, in order. */
    public List<String> downloads() {
        return served.stream().filter(path -> path.endsWith(".whl")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            served.add(path);
            if (path.startsWith("/files/")) {
                var wheel = wheels.values().stream().filter(w -> path.equals("/files/" + w.file())).findFirst();
                if (wheel.isPresent()) {
                    send(exchange, "application/octet-stream", wheel.get().bytes());
                    return;
                }
            } else if (path.equals("/simple/")) {
                var links = new StringBuilder();
                wheels.keySet().forEach(name -> links.append("<a href=\"").append(name).append("/\">").append(name)
                        .append("</a>\n"));
                send(exchange, "text/html", page(links.toString()));
                return;
            } else if (path.startsWith("/simple/")) {
                var name = normalise(path.substring("/simple/".length()).replace("/", ""));
                var wheel = wheels.get(name);
                if (wheel != null) {
                    send(exchange, "text/html", page("<a href=\"/files/" + wheel.file() + "#sha256=" + wheel.sha256()
                            + "\">" + wheel.file() + "</a>\n"));
                    return;
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    private static byte[] page(String body) {
        return ("<!DOCTYPE html>\n<html><body>\n" + body + "</body></html>\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    /** PEP 503's normalised name: lower case, runs of {@code -_.} as one dash. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }

    /** A {@code py3-none-any} wheel of the module's Python files, with METADATA, WHEEL and RECORD. */
    private static Wheel wheel(Distribution distribution, Path module) {
        var distInfo = distribution.name() + "-" + distribution.version() + ".dist-info/";
        var file = distribution.name() + "-" + distribution.version() + "-py3-none-any.whl";
        var record = new StringBuilder();
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes); var files = Files.walk(module)) {
            for (var source : files.filter(f -> f.toString().endsWith(".py") || f.toString().endsWith(".typed"))
                    .filter(f -> !f.toString().contains("__pycache__")).sorted().toList()) {
                var name = distribution.module() + "/" + module.relativize(source).toString().replace('\\', '/');
                put(zip, record, name, Files.readAllBytes(source));
            }
            var metadata = new StringBuilder("Metadata-Version: 2.1\nName: " + distribution.name() + "\nVersion: "
                    + distribution.version() + "\n");
            distribution.requires().forEach(r -> metadata.append("Requires-Dist: ").append(r).append('\n'));
            put(zip, record, distInfo + "METADATA", metadata.toString().getBytes(StandardCharsets.UTF_8));
            put(zip, record, distInfo + "WHEEL", ("Wheel-Version: 1.0\nGenerator: slipway-tests\nRoot-Is-Purelib: true\n"
                    + "Tag: py3-none-any\n").getBytes(StandardCharsets.UTF_8));
            record.append(distInfo).append("RECORD,,\n");
            zip.putNextEntry(new ZipEntry(distInfo + "RECORD"));
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var content = bytes.toByteArray();
        return new Wheel(distribution, file, content, HexFormat.of().formatHex(sha256(content)));
    }

    private static void put(ZipOutputStream zip, StringBuilder record, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        var digest = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(content));
        record.append(name).append(",sha256=").append(digest).append(',').append(content.length).append('\n');
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
