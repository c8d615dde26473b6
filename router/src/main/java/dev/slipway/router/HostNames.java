package dev.slipway.router;

import java.util.Locale;

/**
 * Turns Host header values and route hosts into the one form routes are matched in: lower case, without
 * {@code :port} and without a trailing dot. The range methods do it without building a new string, for the
 * request path.
 */
final class HostNames {

    /** A route host starting with this matches any one label in its place: {@code *.example.com}. */
    static final String WILDCARD_PREFIX = "*.";

    private HostNames() {
    }

    /** The routing key of a Host header value; an empty string for a blank value. */
    static String normalize(String hostHeader) {
        long range = keyRange(hostHeader);
        return hostHeader.substring(start(range), end(range)).toLowerCase(Locale.ROOT);
    }

    /**
     * Where the routing key lies in a Host header value, packed as {@code start << 32 | end}: surrounding
     * whitespace, the port and one trailing dot are left out. An IPv6 literal keeps its brackets.
     */
    static long keyRange(CharSequence value) {
        int start = 0;
        int end = value.length();
        while (start < end && isWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (start < end && value.charAt(start) == '[') {
            int close = indexOf(value, ']', start, end);
            end = close < 0 ? end : close + 1;
        } else {
            int colon = indexOf(value, ':', start, end);
            end = colon < 0 ? end : colon;
        }
        if (end > start && value.charAt(end - 1) == '.') {
            end--;
        }
        return (long) start << 32 | end;
    }

    static int start(long range) {
        return (int) (range >>> 32);
    }

    static int end(long range) {
        return (int) range;
    }

    /** A hash of {@code value[start, end)} that ignores ASCII case, equal to {@link #hash(String)} of its lower case. */
    static int hash(CharSequence value, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + lower(value.charAt(i));
        }
        return hash;
    }

    static int hash(String key) {
        return hash(key, 0, key.length());
    }

    /** True when lower-case {@code key} equals {@code value[start, end)} ignoring ASCII case. */
    static boolean matches(String key, CharSequence value, int start, int end) {
        if (key.length() != end - start) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != lower(value.charAt(start + i))) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(CharSequence value, char c, int start, int end) {
        for (int i = start; i < end; i++) {
            if (value.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Validates a route host and returns it in lower case. A host may start with {@code *.} to match any
     * single label there.
     */
    static String checkRouteHost(String host) {
        if (host.isBlank()) {
            throw new IllegalArgumentException("Route host is blank; give the host name clients send, e.g. hello.localhost");
        }
        String name = host.startsWith(WILDCARD_PREFIX) ? host.substring(WILDCARD_PREFIX.length()) : host;
        if (name.isEmpty() || name.startsWith(".")) {
            throw new IllegalArgumentException("Route host '" + host
                    + "' has no domain after '*.'; write e.g. *.example.com");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '/' || c == '@' || c == ',' || c == '*') {
                throw new IllegalArgumentException("Route host '" + host + "' contains '" + c
                        + "'; give a plain host name such as hello.localhost, or *.example.com for every subdomain");
            }
        }
        boolean bracketed = name.startsWith("[") && name.endsWith("]");
        if (!bracketed && name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Route host '" + host
                    + "' includes a port; routes match the Host header without its port, so drop ':port'");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
