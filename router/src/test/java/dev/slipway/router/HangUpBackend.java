package dev.slipway.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** An instance that accepts connections, reads what arrives first, and hangs up without answering. */
final class HangUpBackend implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    HangUpBackend() throws IOException {
        this(0);
    }

    /** Listens on {@code port}, 0 for any free one. */
    HangUpBackend(int port) throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        acceptor = new Thread(this::serve, "hang-up-backend");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket connection = listener.accept()) {
                connections.incrementAndGet();
                InputStream in = connection.getInputStream();
                in.read(new byte[8192]);
            } catch (IOException e) {
                // closed, or the router hung up first
            }
        }
    }

    /** Starts one on {@code port}, which another listener just gave up. */
    static HangUpBackend onPort(int port) {
        try {
            return new HangUpBackend(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
