package dev.slipway.build.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void masksEveryOccurrenceLongestFirstAndLeavesShortValuesAlone() {
        var mask = new SecretMask(List.of("abcd", "abcdefgh", "on"));

        assertThat(mask.apply("key=abcdefgh again abcd, turned on")).isEqualTo("key=**** again ****, turned on");
        assertThat(SecretMask.NONE.apply("abcdefgh")).isEqualTo("abcdefgh");
    }
}
