package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void measuresEditDistance() {
        assertThat(Spelling.distance("prebuild", "pre-build", 2)).isEqualTo(1);
        assertThat(Spelling.distance("comand", "command", 2)).isEqualTo(1);
        assertThat(Spelling.distance("kitten", "sitting", 5)).isEqualTo(3);
        assertThat(Spelling.distance("", "abc", 5)).isEqualTo(3);
    }

    @Test
    void stopsEarlyBeyondTheLimit() {
        assertThat(Spelling.distance("a".repeat(100_000), "run", 2)).isEqualTo(3);
        assertThat(Spelling.distance("abcdef", "uvwxyz", 2)).isEqualTo(3);
    }

    @Test
    void returnsEveryCandidateAtTheSmallestDistance() {
        assertThat(Spelling.closest("nodejs20", List.of("nodejs12", "nodejs22", "nodejs18"), c -> 2))
                .containsExactly("nodejs22");
        assertThat(Spelling.closest("ab", List.of("aa", "bb", "abcd"), c -> 1)).containsExactly("aa", "bb");
        assertThat(Spelling.closest("zzz", List.of("run"), c -> 1)).isEmpty();
    }
}
