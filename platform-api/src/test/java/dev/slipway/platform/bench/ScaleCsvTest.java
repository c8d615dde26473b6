package dev.slipway.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleCsvTest {

    @TempDir
    Path directory;

    @Test
    void writesAHeaderAndOneLinePerSampleInTheDirectoryItCreates() throws Exception {
        var file = directory.resolve("docs/bench/scale-step-process.csv");

        ScaleCsv.write(file, List.of(new ScaleSample(0.5, 1, 1, 812.25, 0),
                new ScaleSample(10.5, 1, 4, 1640.0, 0), new ScaleSample(12, 3, -1, 2410.04, 2)));

        assertThat(Files.readAllLines(file)).containsExactly(
                "seconds,instances,desired,requests_per_second,failures",
                "0.50,1,1,812.3,0",
                "10.50,1,4,1640.0,0",
                "12.00,3,-1,2410.0,2");
    }

    @Test
    void anEmptySeriesIsTheHeaderAlone() {
        assertThat(ScaleCsv.format(List.of())).isEqualTo(ScaleCsv.HEADER + "\n");
    }
}
