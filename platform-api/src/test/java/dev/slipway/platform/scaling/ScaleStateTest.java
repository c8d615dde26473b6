package dev.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.ScalingSettings;
import dev.slipway.platform.routing.ServiceTraffic;
import dev.slipway.platform.service.ScalingOverrides;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScaleStateTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    /** max-concurrency 10 (7 per instance at 70%), 1 to 5 instances, stable window 20 s, zero after 60 s. */
    private static final Scaling SCALING = Scaling.of(new ScalingSettings(10, 1, 5, 0, 20, 60), ScalingOverrides.NONE);
    private static final Scaling TO_ZERO = Scaling.of(new ScalingSettings(10, 0, 5, 0, 20, 60), ScalingOverrides.NONE);

    private long requests;

    @Test
    void scalesOutWithinSecondsOfAStepToFourTimesWhatOneInstanceTakes() {
        var state = new ScaleState(1, T0);
        steady(state, 0, 30, 2, SCALING);

        var first = observe(state, 30, 40, SCALING);
        var change = first.isPresent() ? first : observe(state, 31, 40, SCALING);

        assertThat(change).isPresent();
        assertThat(change.get().from()).isEqualTo(1);
        assertThat(change.get().to()).isGreaterThanOrEqualTo(2);
        assertThat(change.get().message()).startsWith("Scaled 1→").contains("average concurrency")
                .contains("above 7 per instance (70% of max-concurrency 10)");
        steady(state, 32, 40, 40, SCALING);
        assertThat(state.desired()).isEqualTo(5).as("40 / 7 needs 6, capped at maxSize 5");
    }

    @Test
    void aSuddenLoadOfTwiceWhatTheInstancesTakeIsAPanicThatHoldsOffScalingIn() {
        var state = new ScaleState(1, T0);
        var change = observe(state, 0, 20, SCALING);

        assertThat(change.orElseThrow().message()).isEqualTo("Scaled 1→3: average concurrency 20 over 6 s is above 7 "
                + "per instance (70% of max-concurrency 10); panic: twice what the instances take");
    }

    @Test
    void scalesInOnlyAfterAWholeStableWindowOfLowerLoadThenToTheMinimum() {
        var state = new ScaleState(1, T0);
        steady(state, 0, 30, 20, SCALING);
        assertThat(state.desired()).isEqualTo(3);

        steady(state, 30, 49, 0, SCALING);
        assertThat(state.desired()).as("within the stable window").isEqualTo(3);
        steady(state, 49, 60, 0, SCALING);

        assertThat(state.desired()).isEqualTo(1);
    }

    @Test
    void goesToZeroOnlyAfterTheIdlePeriodWithoutRequestsAndWakesOnDemand() {
        var state = new ScaleState(1, T0);
        steady(state, 0, 30, 1, TO_ZERO);
        requests = 0;
        Optional<ScaleState.Change> last = Optional.empty();
        for (int s = 30; s < 91 && state.desired() > 0; s++) {
            last = state.observe(T0.plusSeconds(s), new ServiceTraffic(500, 0, 0), TO_ZERO);
        }

        assertThat(state.desired()).isZero();
        assertThat(last.orElseThrow().message()).isEqualTo("Scaled 1→0: no request for 60 s");
        assertThat(state.wake(T0.plusSeconds(100)).orElseThrow().message())
                .isEqualTo("Scaled 0→1: a request arrived while it was scaled to zero");
        assertThat(state.wake(T0.plusSeconds(100))).isEmpty();
    }

    @Test
    void aRequestCountedBetweenLooksKeepsTheLastInstanceAlive() {
        var state = new ScaleState(1, T0);
        for (int s = 0; s < 200; s++) {
            // Short requests: none in flight when looked at, but the count moves.
            state.observe(T0.plusSeconds(s), new ServiceTraffic(s, 0, 0), TO_ZERO);
        }
        assertThat(state.desired()).isEqualTo(1);
    }

    @Test
    void requestsWaitingWhileAtZeroStartInstancesWithoutTheWatcher() {
        var state = new ScaleState(0, T0);
        var change = state.observe(T0, new ServiceTraffic(3, 0, 3), TO_ZERO);
        assertThat(change.orElseThrow().message()).isEqualTo("Scaled 0→1: 3 request(s) waiting");
    }

    @Test
    void aHardLimitBelowMaxConcurrencyIsWhatTheServiceScalesOn() {
        var oneAtATime = Scaling.of(new ScalingSettings(100, 1, 5, 1, 20, 60), ScalingOverrides.NONE);
        var state = new ScaleState(1, T0);

        var change = observe(state, 0, 4, oneAtATime);

        assertThat(change.orElseThrow().message()).isEqualTo("Scaled 1→5: average concurrency 4 over 6 s is above 0.7 "
                + "per instance (70% of hard-limit 1); panic: twice what the instances take; capped at maxSize 5");
    }

    @Test
    void aDeploymentOrAResumeSetsTheCountAndRestartsTheIdleTime() {
        var state = new ScaleState(0, T0);
        state.restart(2, T0.plusSeconds(100));

        assertThat(state.desired()).isEqualTo(2);
        for (int s = 100; s < 159; s++) {
            state.observe(T0.plusSeconds(s), new ServiceTraffic(0, 0, 0), TO_ZERO);
        }
        assertThat(state.desired()).as("idle for less than 60 s since the deployment").isEqualTo(1);
        state.observe(T0.plusSeconds(160), new ServiceTraffic(0, 0, 0), TO_ZERO);
        assertThat(state.desired()).isZero();
    }

    @Test
    void newBoundsApplyAtOnce() {
        var state = new ScaleState(1, T0);
        var raised = Scaling.of(new ScalingSettings(10, 1, 5), new ScalingOverrides(null, 3, null));
        assertThat(state.settle(raised).orElseThrow().message()).isEqualTo("Scaled 1→3: minSize is 3");
        var lowered = Scaling.of(new ScalingSettings(10, 1, 5), new ScalingOverrides(null, null, 2));
        assertThat(state.settle(lowered).orElseThrow().message()).isEqualTo("Scaled 3→2: maxSize is 2");
        assertThat(state.settle(lowered)).isEmpty();
    }

    private void steady(ScaleState state, int from, int to, int concurrency, Scaling scaling) {
        for (int s = from; s < to; s++) {
            observe(state, s, concurrency, scaling);
        }
    }

    private Optional<ScaleState.Change> observe(ScaleState state, int second, int concurrency, Scaling scaling) {
        requests += concurrency;
        return state.observe(T0.plusSeconds(second), new ServiceTraffic(requests, concurrency, 0), scaling);
    }
}
