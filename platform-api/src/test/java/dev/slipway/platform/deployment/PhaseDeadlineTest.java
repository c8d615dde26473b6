package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PhaseDeadlineTest {

    @Test
    void aStepPastItsLimitIsInterruptedAndFailsNamingTheLimitAndTheSetting() {
        var neverReleased = new CountDownLatch(1);

        assertThatThrownBy(() -> PhaseDeadline.within(Duration.ofMillis(200), "Fetching the models",
                "SLIPWAY_FETCH_TIMEOUT", () -> {
                    try {
                        neverReleased.await();
                        return "never";
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted while fetching models; deploy again", e);
                    }
                }))
                .isInstanceOf(DeploymentFailedException.class)
                .hasMessageStartingWith("Fetching the models took longer than its limit")
                .hasMessageContaining("SLIPWAY_FETCH_TIMEOUT");
        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt does not outlive the step").isFalse();
    }

    @Test
    void aStepWithinItsLimitReturnsItsResultAndLeavesNoInterruptBehind() throws Exception {
        var result = PhaseDeadline.within(Duration.ofMillis(100), "Fetching the source", "SLIPWAY_FETCH_TIMEOUT",
                () -> "fetched");

        assertThat(result).isEqualTo("fetched");
        var waited = new CountDownLatch(1);
        assertThat(waited.await(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("a wait after the step, past the limit, is not interrupted").isFalse();
    }

    @Test
    void aStepThatFailsOnItsOwnKeepsItsOwnError() {
        assertThatThrownBy(() -> PhaseDeadline.within(Duration.ofMinutes(1), "Fetching the source",
                "SLIPWAY_FETCH_TIMEOUT", () -> {
                    throw new DeploymentFailedException("repository not found");
                })).hasMessage("repository not found");
    }
}
