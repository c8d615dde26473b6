package dev.slipway.config;

/** Just enough JSON writing for problem reports, so callers need no JSON library. */
final class Json {

    private static final int FIRST_PRINTABLE = 0x20;

    private Json() {
    }

    /** {@code text} as a JSON string literal, quotes included. */
    static String string(String text) {
        var json = new StringBuilder(text.length() + 2).append('"');
        for (var i = 0; i < text.length(); i++) {
            var c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < FIRST_PRINTABLE || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
