package dev.slipway.router;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One client TCP connection speaking HTTP/1.1 by hand, for tests that need exact control of the bytes. */
final class RawHttpConnection implements AutoCloseable {

    static final int READ_TIMEOUT_MILLIS = 30_000;

    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection(int port) throws IOException {
        this(port, null);
    }

    /**
     * A connection to the router on loopback from the local address {@code from} (any loopback address, e.g.
     * 127.0.0.2, so that one test can be several clients), or from the usual one when null.
     */
    RawHttpConnection(int port, InetAddress from) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends raw bytes, e.g. a request body. */
    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(String head) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Sends a GET with the given host and extra header lines (each ending in CRLF) and reads the response. */
    Response get(String host, String path, String extraHeaders) throws IOException {
        send("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + extraHeaders + "\r\n");
        return read(false);
    }

    /** Reads one response; {@code toHead} when it answers a HEAD request and so has no body. */
    Response read(boolean toHead) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        Response head = new Response(status, headers, new byte[0]);
        if (toHead || status == 204 || status == 304) {
            return head;
        }
        String length = head.header("content-length");
        String encoding = head.header("transfer-encoding");
        byte[] body;
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    /** Reads exactly {@code count} raw bytes, e.g. after a protocol switch. */
    byte[] readBytes(int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw new EOFException("connection closed after " + bytes.length + " of " + count + " bytes");
        }
        return bytes;
    }

    /** True when the router closed the connection (the next read sees end of stream). */
    boolean closedByPeer() throws IOException {
        return in.read() == -1;
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine.strip() : sizeLine.substring(0, semicolon).strip(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers are not needed by the tests
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b == -1) {
                throw new EOFException("connection closed in the middle of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
