package dev.slipway.platform.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/** Reads the end of a text file without reading all of it. */
final class FileTail {

    private FileTail() {
    }

    /** The lines in the file's last {@code maxBytes}; none when there is no file. */
    static List<String> lines(Path file, int maxBytes) {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new String(bytes(channel, channel.size(), maxBytes), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The bytes before {@code end}, at most {@code maxBytes} of them; when that cuts a line, from
     * the next line on.
     */
    static byte[] bytes(FileChannel channel, long end, int maxBytes) throws IOException {
        var start = Math.max(0, end - maxBytes);
        var buffer = ByteBuffer.allocate((int) (end - start));
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
            // Reads until the buffer is full or the file ends.
        }
        var bytes = Arrays.copyOf(buffer.array(), buffer.position());
        if (start == 0) {
            return bytes;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return Arrays.copyOfRange(bytes, i + 1, bytes.length);
            }
        }
        return new byte[0];
    }
}
