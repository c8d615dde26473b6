package dev.slipway.router;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * An instance that is stopped and replaced at the worst moment: it answers the first request on its first
 * connection, and when a second request arrives on that kept-alive connection it stops listening, lets a
 * replacement start on the same port, and drops the connection without answering.
 *
 * @param <R> the replacement: an instance that serves, or one that is itself going down
 */
final class DyingBackend<R extends AutoCloseable> implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicReference<R> replacement = new AtomicReference<>();
    private final CompletableFuture<Void> done;

    /**
     * @param reset        drop the connection with a TCP reset rather than an orderly close
     * @param replaceOnPort starts the replacement on the given port
     */
    DyingBackend(boolean reset, IntFunction<R> replaceOnPort) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        done = CompletableFuture.runAsync(() -> serve(reset, replaceOnPort));
    }

    private void serve(boolean reset, IntFunction<R> replaceOnPort) {
        try (Socket connection = listener.accept()) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            readHead(in);
            connection.getOutputStream().write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX-Backend: old\r\n\r\nold".getBytes(StandardCharsets.US_ASCII));
            connection.getOutputStream().flush();
            readHead(in);
            int port = listener.getLocalPort();
            listener.close();
            replacement.set(replaceOnPort.apply(port));
            if (reset) {
                connection.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("connection closed before a full request head: " + head);
            }
            head.write(b);
        }
    }

    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Waits until the connection was dropped and the replacement runs. */
    R replacement() {
        done.join();
        return replacement.get();
    }

    @Override
    public void close() throws Exception {
        listener.close();
        R started = replacement.get();
        if (started != null) {
            started.close();
        }
    }
}
