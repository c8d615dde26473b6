package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyUseTest {

    @Test
    void aColdBuildSaysWhatItDownloadedIntoTheCache() {
        var use = new DependencyUse(Map.of(), Map.of("m2", 43_200_000L, "npm", 0L), 52_000_000L);

        assertThat(use.addedBytes()).isEqualTo(43_200_000L);
        assertThat(use.summary()).isEqualTo("dependency cache: 41.2 MiB downloaded into it (m2 41.2 MiB); it was"
                + " empty before this build; 49.6 MiB received over the network");
    }

    @Test
    void aWarmBuildSaysNothingWasDownloadedAndWhatTheCacheHeld() {
        var use = new DependencyUse(Map.of("m2", 43_200_000L, "pip", 0L), Map.of("m2", 43_200_000L, "pip", 0L), 1_500);

        assertThat(use.addedBytes()).isZero();
        assertThat(use.summary()).isEqualTo("dependency cache: nothing new downloaded; held from earlier builds:"
                + " m2 41.2 MiB; 1.5 KiB received over the network");
    }

    @Test
    void aDirectoryThatShrankIsNotADownload() {
        var use = new DependencyUse(Map.of("npm", 5_000L), Map.of("npm", 4_000L, "pip", 2_048L), 0);

        assertThat(use.added()).containsExactly(Map.entry("pip", 2_048L));
    }

    @Test
    void theMeterReadsDuLinesAndEveryInterfaceButLoopback() {
        var reading = DependencyMeter.parse("""
                42188\tm2/
                12\tnpm/
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets
                    lo:  999999      10    0    0    0     0          0         0   999999      10
                  eth0: 1048576     700    0    0    0     0          0         0    20480     300
                """);

        assertThat(reading.sizes()).isEqualTo(Map.of("m2", 42188L * 1024, "npm", 12L * 1024));
        assertThat(reading.received()).isEqualTo(1_048_576L);
    }
}
