package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Entry;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.SecretMask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLinesTest {

    private final List<String> lines = new ArrayList<>();
    private final StreamLines stream = new StreamLines(lines::add);

    @Test
    void aCharacterSplitAcrossFramesIsDecodedWhole() {
        var bytes = "naïve → ünïcödé 😀\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            stream.accept(new byte[] {b});
        }

        assertThat(lines).containsExactly("naïve → ünïcödé 😀");
    }

    @Test
    void linesEndAtLineFeedsWithCarriageReturnsDroppedAndTheLastLineComesOnFinish() {
        stream.accept(bytes("one\r\ntw"));
        stream.accept(bytes("o\n\nthree"));
        assertThat(lines).containsExactly("one", "two", "");

        stream.finish();

        assertThat(lines).containsExactly("one", "two", "", "three");
    }

    @Test
    void aVeryLongLineIsCutBetweenCharacters() {
        var text = "é".repeat(StreamLines.MAX_LINE_BYTES);
        var bytes = bytes("x" + text + "\n");

        stream.accept(Arrays.copyOfRange(bytes, 0, 1000));
        stream.accept(Arrays.copyOfRange(bytes, 1000, bytes.length));

        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line).doesNotContain("\uFFFD"));
        assertThat(String.join("", lines)).isEqualTo("x" + text);
    }

    @Test
    void execFramesBecomeStdoutAndStderrLinesWithSecretsMasked() {
        var log = new RecordingLog();
        var output = new ExecOutput(BuildPhase.BUILD, log, new SecretMask(List.of("hunter2-secret")));

        output.onNext(new Frame(StreamType.STDOUT, bytes("out 1\nout ")));
        output.onNext(new Frame(StreamType.STDERR, bytes("err hunter2-secret\n")));
        output.onNext(new Frame(StreamType.STDOUT, bytes("2\n")));
        output.onNext(new Frame(StreamType.STDERR, bytes("no newline")));
        output.finish();

        assertThat(log.entries()).containsExactly(
                new Entry("build", Stream.STDOUT, "out 1"),
                new Entry("build", Stream.STDERR, "err ****"),
                new Entry("build", Stream.STDOUT, "out 2"),
                new Entry("build", Stream.STDERR, "no newline"));
        assertThat(output.recent().lines()).containsExactly("out 1", "err ****", "out 2", "no newline");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
