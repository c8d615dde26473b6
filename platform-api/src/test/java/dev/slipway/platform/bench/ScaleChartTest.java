package dev.slipway.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleChartTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    Path directory;

    @Test
    void drawsTheSeriesAsAPngOfTheChartsSize() throws Exception {
        var samples = new ArrayList<ScaleSample>();
        for (var i = 0; i < 20; i++) {
            var seconds = i * 0.5;
            var high = seconds >= 3 && seconds < 7;
            samples.add(new ScaleSample(seconds, high ? Math.min(4, 1 + i / 4) : 1, i == 0 ? -1 : high ? 4 : 1,
                    high ? 2000 : 600, 0));
        }
        var file = directory.resolve("bench/scale-step-process.png");

        ScaleChart.write(file, "process runtime: 2 → 40 clients", samples, 3, 7);

        var bytes = Files.readAllBytes(file);
        assertThat(bytes.length).isGreaterThan(PNG_SIGNATURE.length + 1000);
        assertThat(java.util.Arrays.copyOf(bytes, PNG_SIGNATURE.length)).isEqualTo(PNG_SIGNATURE);
        var image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(ScaleChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ScaleChart.HEIGHT);
    }
}
