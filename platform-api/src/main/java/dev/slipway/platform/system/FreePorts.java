package dev.slipway.platform.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports nothing listens on, for servers Slipway starts (its database, the router, process apps). */
public final class FreePorts {

    private FreePorts() {
    }

    /**
     * A port free on {@code address} now; whoever asked binds it moments later (another process
     * could take it first, which the caller's own start then reports).
     */
    public static int on(InetAddress address) throws IOException {
        try (var socket = new ServerSocket(0, 1, address)) {
            return socket.getLocalPort();
        }
    }

    /** A port free on the loopback address now. */
    public static int onLoopback() throws IOException {
        return on(InetAddress.getLoopbackAddress());
    }
}
