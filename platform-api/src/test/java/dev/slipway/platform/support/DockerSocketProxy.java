package dev.slipway.platform.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP address in front of Docker's socket that can cut every connection and turn new ones
 * away, as a restarting daemon does, without touching the daemon other tests use.
 */
public final class DockerSocketProxy implements AutoCloseable {

    private final ServerSocketChannel server;
    private final Path socket;
    private final Set<ByteChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean reachable = true;

    /** Forwards to the Docker socket at {@code socket}, e.g. {@code /var/run/docker.sock}. */
    public DockerSocketProxy(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemonThread("docker-proxy-accept", this::acceptAll);
    }

    /** Where Docker clients connect, e.g. {@code tcp://127.0.0.1:41234}. */
    public URI uri() throws IOException {
        var address = (InetSocketAddress) server.getLocalAddress();
        return URI.create("tcp://" + address.getHostString() + ":" + address.getPort());
    }

    /** Cuts every open connection and closes each new one at once, until {@link #reconnect()}. */
    public void cut() {
        reachable = false;
        open.forEach(DockerSocketProxy::closeQuietly);
    }

    /** Forwards new connections again. */
    public void reconnect() {
        reachable = true;
    }

    @Override
    public void close() {
        closeQuietly(server);
        cut();
    }

    private void acceptAll() {
        while (server.isOpen()) {
            try {
                var client = server.accept();
                if (!reachable) {
                    closeQuietly(client);
                    continue;
                }
                var daemon = SocketChannel.open(StandardProtocolFamily.UNIX);
                try {
                    daemon.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    closeQuietly(daemon);
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(daemon);
                daemonThread("docker-proxy-up", () -> pump(client, daemon));
                daemonThread("docker-proxy-down", () -> pump(daemon, client));
            } catch (IOException e) {
                // The server closed.
            }
        }
    }

    private void pump(ByteChannel from, ByteChannel to) {
        var buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // Cut, or closed by either side.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemonThread(String name, Runnable task) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Closed already.
        }
    }
}
