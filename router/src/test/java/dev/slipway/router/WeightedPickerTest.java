package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeightedPickerTest {

    private final Map<String, Backend> backends = new Backends().adopt(Set.of(
            "127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"));

    @Test
    void interleavesTargetsInProportionToTheirWeights() {
        RouteEntry route = entry(new Target("127.0.0.1:1", 3), new Target("127.0.0.1:2", 1));

        assertThat(picks(route, 8, List.of())).containsExactly(
                "127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:1",
                "127.0.0.1:1", "127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:1");
    }

    @Test
    void skipsZeroWeightExcludedAndUnhealthyTargets() {
        RouteEntry route = entry(new Target("127.0.0.1:1", 0), new Target("127.0.0.1:2", 50),
                new Target("127.0.0.1:3", 50));

        assertThat(picks(route, 3, List.of(backends.get("127.0.0.1:2")))).containsOnly("127.0.0.1:3");

        backends.get("127.0.0.1:3").connectFailed(new ConnectException("refused"));

        assertThat(picks(route, 3, List.of())).containsOnly("127.0.0.1:2");
    }

    @Test
    void keepsSeparateScoresPerEventLoop() {
        RouteEntry route = entry(new Target("127.0.0.1:1", 1), new Target("127.0.0.1:2", 1));

        assertThat(route.pick(0, List.of()).address).isEqualTo("127.0.0.1:1");
        assertThat(route.pick(1, List.of()).address).isEqualTo("127.0.0.1:1");
        assertThat(route.pick(0, List.of()).address).isEqualTo("127.0.0.1:2");
    }

    @Test
    void findsNothingWhenNoTargetTakesRequests() {
        assertThat(entry(new Target("127.0.0.1:1", 0)).pick(0, List.of())).isNull();
        assertThat(entry().pick(0, List.of())).isNull();
        assertThat(entry(Target.of("127.0.0.1:2")).pick(0, List.of(backends.get("127.0.0.1:2")))).isNull();
        assertThat(entry(new Target("127.0.0.1:1", 0)).hasWeightedTarget()).isFalse();
    }

    private RouteEntry entry(Target... targets) {
        return new RouteEntry(new Route("a", List.of(targets)), backends, 2, null, RouterOptions.onPort(0));
    }

    private static List<String> picks(RouteEntry route, int count, List<Backend> excluded) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(route.pick(0, excluded).address);
        }
        return picked;
    }
}
