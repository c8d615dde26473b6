package dev.slipway.platform.runtime.choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.platform.system.SlipwayProperties.RuntimeMode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RuntimeChoiceTest {

    private final AtomicInteger waits = new AtomicInteger();

    @Test
    void autoUsesDockerWhenItAnswers() throws Exception {
        assertThat(choice(0, true, 0).useDocker(RuntimeMode.AUTO)).isTrue();
        assertThat(waits).hasValue(0);
    }

    @Test
    void autoUsesProcessesAtOnceOnAMachineWithoutDocker() throws Exception {
        assertThat(choice(-1, false, 0).useDocker(RuntimeMode.AUTO)).isFalse();
        assertThat(waits).hasValue(0);
    }

    @Test
    void autoNeverDowngradesToProcessesWhenDockerShouldBeThereItRefusesToStartSayingHowToChoose() {
        assertThatThrownBy(() -> choice(-1, true, 0).useDocker(RuntimeMode.AUTO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not answer within " + RuntimeChoice.SOCKET_WAIT.toSeconds() + " s")
                .hasMessageContaining("start dockerd, or set SLIPWAY_RUNTIME=process to run apps as local processes"
                        + " on purpose");
        assertThat(waits.get() * RuntimeChoice.RETRY.toMillis()).as("it waited first")
                .isEqualTo(RuntimeChoice.SOCKET_WAIT.toMillis());
    }

    @Test
    void autoUsesADockerThatAnswersWhileItWaits() throws Exception {
        assertThat(choice(3, true, 0).useDocker(RuntimeMode.AUTO)).isTrue();
        assertThat(waits).hasValue(3);
    }

    @Test
    void autoNeverMovesServicesThatRunOnDockerItWaitsUntilDockerAnswers() throws Exception {
        var answersAfter = (int) (Duration.ofMinutes(5).toMillis() / RuntimeChoice.RETRY.toMillis());

        assertThat(choice(answersAfter, false, 3).useDocker(RuntimeMode.AUTO)).isTrue();
        assertThat(waits).hasValue(answersAfter);
    }

    @Test
    void dockerModeRefusesToStartWithoutADaemonAndSaysWhatToDo() {
        assertThatThrownBy(() -> choice(-1, true, 0).useDocker(RuntimeMode.DOCKER))
                .hasMessageContaining("start dockerd or set SLIPWAY_RUNTIME=process");
    }

    /** A daemon that answers after {@code answersAfter} waits (-1: never). */
    private RuntimeChoice choice(int answersAfter, boolean expected, int servicesOnDocker) {
        return new RuntimeChoice(() -> answersAfter >= 0 && waits.get() >= answersAfter, expected,
                () -> servicesOnDocker, duration -> waits.incrementAndGet());
    }
}
