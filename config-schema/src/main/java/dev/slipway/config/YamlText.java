package dev.slipway.config;

import dev.slipway.config.YamlNode.Position;
import java.util.Optional;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Which characters an {@code apprunner.yaml} may hold: those YAML allows (tabs, line breaks and
 * printable Unicode, as SnakeYAML decides), but not U+FFFD. Slipway reads every file as UTF-8
 * and puts U+FFFD where bytes are not UTF-8, so that character marks a file saved in another
 * encoding, or binary content. Positions count lines and columns as SnakeYAML's marks do, so they
 * match every other problem's.
 */
final class YamlText {

    /** What a UTF-8 decoder puts where bytes are not UTF-8. */
    static final int REPLACEMENT = 0xFFFD;
    private static final String LINE_BREAKS = "\n\u0085\u2028\u2029";
    private static final int BYTE_ORDER_MARK = 0xFEFF;

    private YamlText() {
    }

    /** A character the file may not hold, and where it is. */
    record BadCharacter(Position at, int codePoint) {
    }

    /** The first character the file may not hold, or empty when every one is allowed. */
    static Optional<BadCharacter> firstBadCharacter(String text) {
        var line = 0;
        var column = 0;
        for (var i = 0; i < text.length(); ) {
            var c = text.codePointAt(i);
            if (c == REPLACEMENT || !StreamReader.isPrintable(c)) {
                return Optional.of(new BadCharacter(new Position(line + 1, column + 1), c));
            }
            i += Character.charCount(c);
            if (LINE_BREAKS.indexOf(c) >= 0 || c == '\r' && i < text.length() && text.charAt(i) != '\n') {
                line++;
                column = 0;
            } else if (c != BYTE_ORDER_MARK) {
                column++;
            }
        }
        return Optional.empty();
    }
}
