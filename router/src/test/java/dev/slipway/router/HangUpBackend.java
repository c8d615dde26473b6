package dev.slipway.router;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/** An instance that accepts connections, reads what arrives first, and hangs up without answering. */
final class HangUpBackend implements AutoCloseable {

    private final ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    HangUpBackend() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
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
