package dev.slipway.platform.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.platform.runtime.ContainerOutput.Stream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Docker's timestamped log frames as the lines Slipway stores. */
class LogLinesTest {

    record Line(Instant time, Stream stream, String text) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<Throwable> ends = new ArrayList<>();

    @Test
    void eachLineKeepsDockersTimeAndItsStream() {
        var log = new LogLines(null, (time, stream, text) -> lines.add(new Line(time, stream, text)), ends::add);

        log.onNext(frame(StreamType.STDOUT, "2026-12-04T22:50:17.123456789Z listening on port 8080\n"));
        log.onNext(frame(StreamType.STDERR, "2026-12-04T22:50:18.5Z GET / 200\n2026-12-04T22:50:19Z \n"));

        assertThat(lines).containsExactly(
                new Line(Instant.parse("2026-12-04T22:50:17.123456789Z"), Stream.STDOUT, "listening on port 8080"),
                new Line(Instant.parse("2026-12-04T22:50:18.5Z"), Stream.STDERR, "GET / 200"),
                new Line(Instant.parse("2026-12-04T22:50:19Z"), Stream.STDERR, ""));
    }

    @Test
    void aLineSplitAcrossFramesArrivesWholeAndUnbrokenCharactersStayIntact() {
        var log = new LogLines(null, (time, stream, text) -> lines.add(new Line(time, stream, text)), ends::add);
        var bytes = "2026-12-04T22:50:17Z größer\n".getBytes(StandardCharsets.UTF_8);
        var cut = "2026-12-04T22:50:17Z gr".length() + 1; // inside the two bytes of 'ö'

        log.onNext(new Frame(StreamType.STDOUT, Arrays.copyOfRange(bytes, 0, cut)));
        log.onNext(frame(StreamType.STDERR, "2026-12-04T22:50:18Z between\n"));
        log.onNext(new Frame(StreamType.STDOUT, Arrays.copyOfRange(bytes, cut, bytes.length)));

        assertThat(lines).extracting(Line::text).containsExactly("between", "größer");
    }

    @Test
    void linesNotNewerThanTheLastCopiedAreSkipped() {
        var after = Instant.parse("2026-12-04T22:50:17.5Z");
        var log = new LogLines(after, (time, stream, text) -> lines.add(new Line(time, stream, text)), ends::add);

        log.onNext(frame(StreamType.STDOUT, "2026-12-04T22:50:17.2Z copied before\n"
                + "2026-12-04T22:50:17.5Z the last copied\n2026-12-04T22:50:17.6Z new\n"));

        assertThat(lines).extracting(Line::text).containsExactly("new");
    }

    @Test
    void anUnfinishedLastLineArrivesWhenTheLogEndsAndTheEndIsReportedOnce() {
        var log = new LogLines(null, (time, stream, text) -> lines.add(new Line(time, stream, text)), ends::add);

        log.onNext(frame(StreamType.STDOUT, "2026-12-04T22:50:17Z no line break"));
        log.onComplete();
        log.onError(new IllegalStateException("after the end"));

        assertThat(lines).extracting(Line::text).containsExactly("no line break");
        assertThat(ends).as("ends reported, none of them a failure").containsExactly((Throwable) null);
    }

    private static Frame frame(StreamType type, String payload) {
        return new Frame(type, payload.getBytes(StandardCharsets.UTF_8));
    }
}
