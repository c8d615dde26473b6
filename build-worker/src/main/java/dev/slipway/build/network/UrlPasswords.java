package dev.slipway.build.network;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds and hides the passwords of {@code scheme://user:password@host} URLs, e.g. a proxy that
 * wants a login, and the tokens of {@code scheme://token@host} URLs (as package indexes take
 * them), in a value that may hold several URLs (as {@code GOPROXY} does).
 */
final class UrlPasswords {

    /** {@code scheme://} and {@code user:}, if any, as group 1; the password or token as group 2. */
    private static final Pattern PASSWORD =
            Pattern.compile("(\\b[A-Za-z][A-Za-z0-9+.-]*://(?:[^/@\\s:,|]*:)?)([^/@\\s,|]+)@");
    static final String MASK = "****";

    private UrlPasswords() {
    }

    /** The passwords and tokens in {@code value}, in order, each also URL-decoded where that differs (tools print either). */
    static List<String> in(String value) {
        var passwords = new ArrayList<String>();
        var matcher = PASSWORD.matcher(value);
        while (matcher.find()) {
            var password = matcher.group(2);
            passwords.add(password);
            decoded(password).filter(d -> !d.equals(password)).ifPresent(passwords::add);
        }
        return passwords;
    }

    private static Optional<String> decoded(String password) {
        try {
            return Optional.of(URLDecoder.decode(password, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code value} with every URL's password replaced by {@link #MASK}. */
    static String masked(String value) {
        return PASSWORD.matcher(value).replaceAll("$1" + MASK + "@");
    }
}
