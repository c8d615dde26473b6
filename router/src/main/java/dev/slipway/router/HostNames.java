package dev.slipway.router;

import java.util.Locale;

/** Turns Host header values and route hosts into the one form the route table is keyed by. */
final class HostNames {

    private HostNames() {
    }

    /**
     * The routing key of a Host header value: lower case, without {@code :port} and without a trailing dot.
     * Returns an empty string for a blank value.
     */
    static String normalize(String hostHeader) {
        String host = hostHeader.strip();
        int end;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            end = close < 0 ? host.length() : close + 1;
        } else {
            int colon = host.indexOf(':');
            end = colon < 0 ? host.length() : colon;
        }
        if (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        return host.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** Validates a route host and returns it in lower case. */
    static String checkRouteHost(String host) {
        if (host.isBlank()) {
            throw new IllegalArgumentException("Route host is blank; give the host name clients send, e.g. hello.localhost");
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '/' || c == '@' || c == ',') {
                throw new IllegalArgumentException("Route host '" + host + "' contains '" + c
                        + "'; give a plain host name such as hello.localhost");
            }
        }
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (!bracketed && host.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Route host '" + host
                    + "' includes a port; routes match the Host header without its port, so drop ':port'");
        }
        return host.toLowerCase(Locale.ROOT);
    }
}
