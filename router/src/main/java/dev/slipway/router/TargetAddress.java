package dev.slipway.router;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** A target's {@code host:port}, split. IPv6 hosts are written in brackets: {@code [::1]:9001}. */
record TargetAddress(String host, int port) {

    static TargetAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw invalid(address, "it needs host:port, e.g. 127.0.0.1:9001");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.indexOf(':') >= 0) {
            throw invalid(address, "write an IPv6 host in brackets, e.g. [::1]:9001");
        }
        if (host.isBlank()) {
            throw invalid(address, "the host is empty");
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid(address, "the port is not a number");
        }
        if (port < 1 || port > 65_535) {
            throw invalid(address, "the port must be between 1 and 65535");
        }
        return new TargetAddress(host, port);
    }

    /**
     * The socket address to connect to. IP literals need no lookup; host names are looked up here, so call
     * this off the event loops. An unknown host yields an unresolved address, which fails to connect.
     */
    InetSocketAddress resolve() {
        byte[] literal = NetUtil.createByteArrayFromIpAddressString(host);
        try {
            InetAddress ip = literal != null ? InetAddress.getByAddress(host, literal) : InetAddress.getByName(host);
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException e) {
            return InetSocketAddress.createUnresolved(host, port);
        }
    }

    private static IllegalArgumentException invalid(String address, String why) {
        return new IllegalArgumentException("Target address '" + address + "' is invalid: " + why);
    }
}
