package dev.slipway.router;

/** Route path prefixes: how they are written, and how they match a request target without copying it. */
final class PathPrefixes {

    /** The prefix of a route that takes every path of its host. */
    static final String ROOT = "/";

    private PathPrefixes() {
    }

    /** Validates a path prefix; null means {@link #ROOT}. A trailing slash is dropped: {@code /api/} is {@code /api}. */
    static String check(String prefix) {
        if (prefix == null || prefix.equals(ROOT)) {
            return ROOT;
        }
        if (!prefix.startsWith("/")) {
            throw new IllegalArgumentException("Path prefix '" + prefix + "' must start with '/', e.g. /api");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '?' || c == '#' || c == '*') {
                throw new IllegalArgumentException("Path prefix '" + prefix + "' contains '" + c
                        + "'; give a plain path such as /api (it matches /api and /api/..., not /apix)");
            }
        }
        String trimmed = prefix;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * Where the path starts in a request target: 0 for the usual {@code /path?query}, after the authority for
     * the absolute form {@code http://host/path}, and -1 when there is no path (the root).
     */
    static int pathStart(String target) {
        if (!target.isEmpty() && target.charAt(0) == '/') {
            return 0;
        }
        int scheme = target.indexOf("://");
        return scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
    }

    /**
     * True when {@code prefix} matches the path of {@code target} starting at {@code pathStart}: equal to it,
     * or followed by {@code /}, {@code ?} or {@code #}.
     */
    static boolean matches(String prefix, String target, int pathStart) {
        if (prefix.length() == 1) {
            return true;
        }
        if (pathStart < 0 || !target.startsWith(prefix, pathStart)) {
            return false;
        }
        int next = pathStart + prefix.length();
        if (next == target.length()) {
            return true;
        }
        char c = target.charAt(next);
        return c == '/' || c == '?' || c == '#';
    }

    /** The path of a request target without its query, for messages and logs. */
    static String path(String target) {
        int start = pathStart(target);
        if (start < 0) {
            return ROOT;
        }
        int end = target.length();
        for (int i = start; i < end; i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        return target.substring(start, end);
    }
}
