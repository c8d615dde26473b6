package dev.slipway.build.network;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds and hides the passwords of {@code scheme://user:password@host} URLs, e.g. a proxy that
 * wants a login, in a value that may hold several URLs (as {@code GOPROXY} does).
 */
final class UrlPasswords {

    /** {@code scheme://user:} as group 1, the password as group 2. */
    private static final Pattern PASSWORD =
            Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://[^/@\\s:,|]*:)([^/@\\s,|]+)@");
    static final String MASK = "****";

    private UrlPasswords() {
    }

    /** The passwords in {@code value}, in order. */
    static List<String> in(String value) {
        var passwords = new ArrayList<String>();
        var matcher = PASSWORD.matcher(value);
        while (matcher.find()) {
            passwords.add(matcher.group(2));
        }
        return passwords;
    }

    /** {@code value} with every URL's password replaced by {@link #MASK}. */
    static String masked(String value) {
        return PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
    }
}
