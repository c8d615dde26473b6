package dev.slipway.platform.system.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A database location as operators write it: a JDBC URL ({@code jdbc:postgresql://host/db?user=…})
 * or the URL form most platforms hand out ({@code postgres://user:password@host:5432/db}).
 */
record DatabaseUrl(String jdbcUrl, Optional<String> username, Optional<String> password) {

    static DatabaseUrl parse(String url) {
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, Optional.empty(), Optional.empty());
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("SLIPWAY_DATABASE_URL must start with jdbc:postgresql://, "
                    + "postgres:// or postgresql://, not '" + url.replaceAll("//[^@/]*@", "//…@") + "'");
        }
        var uri = URI.create(url);
        var port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        var query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
        var jdbc = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (uri.getRawUserInfo() != null) {
            var parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            if (parts.length == 2) {
                password = Optional.of(decode(parts[1]));
            }
        }
        return new DatabaseUrl(jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
