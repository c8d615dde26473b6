package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightedPickerTest {

    private final WeightedPicker picker = new WeightedPicker();

    @Test
    void interleavesTargetsInProportionToTheirWeights() {
        Route route = new Route("a", List.of(new Target("127.0.0.1:1", 3), new Target("127.0.0.1:2", 1)));

        assertThat(picks(route, 8, List.of())).containsExactly(
                "127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:1",
                "127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:1");
    }

    @Test
    void skipsZeroWeightAndExcludedTargets() {
        Route route = new Route("a", List.of(
                new Target("127.0.0.1:1", 0), new Target("127.0.0.1:2", 50), new Target("127.0.0.1:3", 50)));

        assertThat(picks(route, 3, List.of("127.0.0.1:2"))).containsOnly("127.0.0.1:3");
    }

    @Test
    void findsNothingWhenNoTargetTakesRequests() {
        Route route = new Route("a", List.of(new Target("127.0.0.1:1", 0)));

        assertThat(picker.pick(route, List.of())).isNull();
        assertThat(picker.pick(new Route("b", List.of()), List.of())).isNull();
        assertThat(picker.pick(Route.of("c", "127.0.0.1:2"), List.of("127.0.0.1:2"))).isNull();
    }

    private List<String> picks(Route route, int count, List<String> excluded) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(picker.pick(route, excluded).address());
        }
        return picked;
    }
}
