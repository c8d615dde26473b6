package dev.slipway.build.image.docker;

import java.util.regex.Pattern;

/** Turns docker-java's "Status 500: {"message":"..."}" exceptions into the daemon's own words. */
final class DaemonErrors {

    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private DaemonErrors() {
    }

    static String message(Throwable error) {
        var root = error;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        if (root.getMessage() == null) {
            return root.getClass().getSimpleName();
        }
        var text = root.getMessage().strip();
        var matcher = JSON_MESSAGE.matcher(text);
        return matcher.find() ? unescape(matcher.group(1)) : text;
    }

    private static String unescape(String json) {
        var text = new StringBuilder();
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                char next = json.charAt(++i);
                text.append(switch (next) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
