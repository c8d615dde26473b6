package dev.slipway.router;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One event loop's access log lines, formatted straight into a byte chunk (no strings built) and handed to
 * the {@link AccessLog} writer when the chunk is full or on the loop's periodic flush. Used only by its loop.
 *
 * <p>A line: {@code time client host method path status bytes duration-ms target request-id}, for example
 * {@code 2026-05-01T09:30:00.125Z 127.0.0.1 hello.localhost GET /predict 200 512 3.250 127.0.0.1:9001 7f3a…}.
 * Missing values are {@code -}; bytes outside printable ASCII, quotes and backslashes are written as
 * {@code \xHH}; the query string is left out.
 */
final class AccessLogBuffer {

    /** Longer fields are cut, so every line fits in a chunk. */
    static final int MAX_FIELD_LENGTH = 2048;
    private static final int LINE_OVERHEAD = 96;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final AccessLog log;
    private byte[] chunk;
    private int position;
    private int lines;
    private long second = Long.MIN_VALUE;
    private final byte[] secondText = new byte[19];

    AccessLogBuffer(AccessLog log) {
        this.log = log;
        this.chunk = log.chunk();
    }

    void append(long epochMillis, String client, String host, String method, String target, int status,
                long bytes, long durationNanos, String backend, String requestId) {
        int bound = LINE_OVERHEAD + 4 * (length(client) + length(host) + length(method) + length(target)
                + length(backend) + length(requestId));
        if (position + bound > chunk.length) {
            flush();
        }
        time(epochMillis);
        field(client);
        field(host);
        field(method);
        path(target);
        space();
        if (status == 0) {
            ascii("499");
        } else {
            number(status);
        }
        space();
        number(bytes);
        space();
        number(durationNanos / 1_000_000);
        chunk[position++] = '.';
        long micros = durationNanos / 1000 % 1000;
        chunk[position++] = (byte) ('0' + micros / 100);
        chunk[position++] = (byte) ('0' + micros / 10 % 10);
        chunk[position++] = (byte) ('0' + micros % 10);
        field(backend);
        field(requestId);
        chunk[position++] = '\n';
        lines++;
    }

    /** Hands the lines so far to the writer. */
    void flush() {
        if (position == 0) {
            return;
        }
        log.submit(chunk, position, lines);
        chunk = log.chunk();
        position = 0;
        lines = 0;
    }

    private void time(long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        if (epochSecond != second) {
            second = epochSecond;
            LocalDateTime at = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            byte[] text = String.format("%04d-%02d-%02dT%02d:%02d:%02d", at.getYear(), at.getMonthValue(),
                    at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond()).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, secondText, 0, secondText.length);
        }
        System.arraycopy(secondText, 0, chunk, position, secondText.length);
        position += secondText.length;
        int millis = Math.floorMod(epochMillis, 1000);
        chunk[position++] = '.';
        chunk[position++] = (byte) ('0' + millis / 100);
        chunk[position++] = (byte) ('0' + millis / 10 % 10);
        chunk[position++] = (byte) ('0' + millis % 10);
        chunk[position++] = 'Z';
    }

    private void field(String value) {
        space();
        if (value == null || value.isEmpty()) {
            chunk[position++] = '-';
            return;
        }
        text(value, 0, Math.min(value.length(), MAX_FIELD_LENGTH));
    }

    private void path(String target) {
        space();
        if (target == null) {
            chunk[position++] = '-';
            return;
        }
        int start = PathPrefixes.pathStart(target);
        if (start < 0) {
            chunk[position++] = '/';
            return;
        }
        int end = Math.min(target.length(), start + MAX_FIELD_LENGTH);
        for (int i = start; i < end; i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
            }
        }
        text(target, start, end);
    }

    private void text(String value, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7f && c != '"' && c != '\\') {
                chunk[position++] = (byte) c;
            } else {
                int b = c > 0xff ? '?' : c;
                chunk[position++] = '\\';
                chunk[position++] = 'x';
                chunk[position++] = HEX[b >> 4];
                chunk[position++] = HEX[b & 0xf];
            }
        }
    }

    private void number(long value) {
        if (value < 0) {
            chunk[position++] = '-';
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = position + digits - 1; i >= position; i--) {
            chunk[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += digits;
    }

    private void ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            chunk[position++] = (byte) text.charAt(i);
        }
    }

    private void space() {
        chunk[position++] = ' ';
    }

    private static int length(String value) {
        return value == null ? 1 : Math.min(value.length(), MAX_FIELD_LENGTH);
    }
}
