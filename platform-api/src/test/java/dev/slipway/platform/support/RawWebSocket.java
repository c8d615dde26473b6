package dev.slipway.platform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client over a plain socket, so it can send the service's {@code Host} to the router on
 * loopback (the JDK's client cannot): one handshake, then text messages.
 */
public final class RawWebSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /**
     * Opens {@code path} of the service; returns once the upgrade is answered.
     *
     * @throws IOException when the answer is not {@code 101}, with the status line
     */
    public static RawWebSocket open(RunningSlipway slipway, String service, String path) throws IOException {
        var socket = new Socket("127.0.0.1", slipway.routerPort());
        socket.setSoTimeout(30_000);
        var key = Base64.getEncoder().encodeToString("slipway-test-key".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + service + ".localhost\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        var client = new RawWebSocket(socket);
        var status = client.line();
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("the upgrade was answered " + status);
        }
        while (!client.line().isEmpty()) {
            // headers
        }
        return client;
    }

    /** Sends a text message (masked, as clients must) and returns the next text message. */
    public String exchange(String text) throws IOException {
        var payload = text.getBytes(StandardCharsets.UTF_8);
        var mask = new byte[] {1, 2, 3, 4};
        var frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        socket.getOutputStream().write(frame.toByteArray());
        int opcode = in.read() & 0x0F;
        int length = in.read() & 0x7F;
        var data = in.readNBytes(length);
        if (opcode != 1) {
            throw new IOException("expected a text message, got opcode " + opcode);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
