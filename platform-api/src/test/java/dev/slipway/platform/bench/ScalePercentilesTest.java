package dev.slipway.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScalePercentilesTest {

    @Test
    void nearestRankIsAValueOfTheSetAtTheCeilingRank() {
        var values = List.of(15.0, 20.0, 35.0, 40.0, 50.0);

        assertThat(ScalePercentiles.nearestRank(values, 5)).isEqualTo(15.0);
        assertThat(ScalePercentiles.nearestRank(values, 30)).isEqualTo(20.0);
        assertThat(ScalePercentiles.nearestRank(values, 40)).isEqualTo(20.0);
        assertThat(ScalePercentiles.nearestRank(values, 50)).isEqualTo(35.0);
        assertThat(ScalePercentiles.nearestRank(values, 100)).isEqualTo(50.0);
    }

    @Test
    void orderOfTheInputDoesNotMatterAndItIsNotSorted() {
        var values = new double[] {0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6, 1.0, 0.05, 2.0};

        assertThat(ScalePercentiles.nearestRank(values, 50)).isEqualTo(0.5);
        assertThat(ScalePercentiles.nearestRank(values, 95)).isEqualTo(2.0);
        assertThat(values[0]).isEqualTo(0.9);
    }

    @Test
    void p99OfAHundredValuesIsTheNinetyNinthAndOfOneValueItself() {
        var values = new double[100];
        for (var i = 0; i < values.length; i++) {
            values[i] = 100 - i;
        }

        assertThat(ScalePercentiles.nearestRank(values, 99)).isEqualTo(99.0);
        assertThat(ScalePercentiles.nearestRank(new double[] {0.42}, 99)).isEqualTo(0.42);
    }

    @Test
    void noValuesHaveNoPercentileAndPercentMustBeInRange() {
        assertThat(ScalePercentiles.nearestRank(List.of(), 50)).isNaN();
        assertThatThrownBy(() -> ScalePercentiles.nearestRank(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScalePercentiles.nearestRank(new double[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
