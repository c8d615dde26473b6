package dev.slipway.platform.runtime;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A TCP socket an app listens on, as Linux lists it in {@code /proc/<pid>/net/tcp}.
 *
 * @param address the address it is bound to: {@code 0.0.0.0} or {@code ::} for every address
 * @param port    the port
 * @param inode   the socket's inode, which ties it to the process whose file descriptor it is
 */
public record ListeningSocket(InetAddress address, int port, long inode) {

    public ListeningSocket {
        Objects.requireNonNull(address, "address");
    }

    /**
     * Whether only the machine (or container) itself can connect: 127.0.0.0/8 or {@code ::1} (an
     * IPv4 address written in IPv6, {@code ::ffff:127.0.0.1}, is read as the IPv4 one).
     */
    public boolean loopback() {
        return address.isLoopbackAddress();
    }

    /** {@code 127.0.0.1:8080}, {@code 0.0.0.0:8080}, {@code [::]:8080}. */
    @Override
    public String toString() {
        var host = address.getHostAddress();
        if (address instanceof Inet6Address) {
            host = "[" + (address.isAnyLocalAddress() ? "::" : address.isLoopbackAddress() ? "::1" : host) + "]";
        }
        return host + ":" + port;
    }
}
