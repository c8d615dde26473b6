package dev.slipway.build.image.docker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits one output stream, arriving in frames that may cut lines and UTF-8 characters anywhere,
 * into lines. Bytes are kept until their line ends, so a character split across two frames is
 * decoded whole; a line without a break longer than {@link #MAX_LINE_BYTES} is passed on in
 * pieces cut between characters. A trailing carriage return is dropped.
 */
final class StreamLines {

    /** Longer output without a line break is passed on in pieces of about this size. */
    static final int MAX_LINE_BYTES = 16_384;
    private static final int INITIAL_CAPACITY = 256;

    private final Consumer<String> sink;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int length;

    StreamLines(Consumer<String> sink) {
        this.sink = sink;
    }

    void accept(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n') {
                emit(length);
            } else {
                append(b);
                if (length >= MAX_LINE_BYTES) {
                    emit(characterBoundary());
                }
            }
        }
    }

    /** Passes on a last line that had no line break. */
    void finish() {
        if (length > 0) {
            emit(length);
        }
    }

    private void append(byte b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = b;
    }

    /** Where to cut a full buffer so no character is split: before a trailing incomplete sequence. */
    private int characterBoundary() {
        int cut = length;
        // At most three continuation bytes (10xxxxxx) follow a character's first byte.
        for (int back = 1; back <= 4 && length - back >= 0; back++) {
            int b = buffer[length - back] & 0xff;
            if ((b & 0xc0) != 0x80) {
                int needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
                cut = needed > back ? length - back : length;
                break;
            }
        }
        return cut == 0 ? length : cut;
    }

    /** Passes on the first {@code count} bytes and keeps the rest for the next line. */
    private void emit(int count) {
        int end = count;
        if (end > 0 && buffer[end - 1] == '\r') {
            end--;
        }
        sink.accept(new String(buffer, 0, end, StandardCharsets.UTF_8));
        System.arraycopy(buffer, count, buffer, 0, length - count);
        length -= count;
    }
}
