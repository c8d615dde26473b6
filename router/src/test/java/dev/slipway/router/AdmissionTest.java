package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionTest {

    @Test
    void defaultsChangeNothing() {
        assertThat(Admission.NONE).isEqualTo(new Admission(null, 0, null, false, null));
        assertThat(Admission.NONE.queueTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Admission.NONE.queues()).isFalse();
        assertThat(Route.of("a", "127.0.0.1:1").admission()).isSameAs(Admission.NONE);
        assertThat(new Route("a", "/", List.of(), null, null, null, null).admission()).isSameAs(Admission.NONE);
    }

    @Test
    void copiesKeepTheOtherSettings() {
        Admission admission = Admission.NONE.withConcurrencyLimit(100).withQueueDepth(200)
                .withQueueTimeout(Duration.ofSeconds(30)).withHoldWhileEmpty(true).withUnavailableMessage("paused");

        assertThat(admission).isEqualTo(new Admission(100, 200, Duration.ofSeconds(30), true, "paused"));
        assertThat(admission.queues()).isTrue();
        Route route = Route.of("a", "127.0.0.1:1").withAdmission(admission).withService("s").withMaxBodySize(5L);
        assertThat(route.admission()).isEqualTo(admission);
        assertThat(route.withAdmission(null).admission()).isEqualTo(Admission.NONE);
    }

    @Test
    void rejectsValuesOutOfRangeSayingTheRange() {
        assertThatThrownBy(() -> Admission.NONE.withConcurrencyLimit(0))
                .hasMessage("Concurrency limit 0 is out of range; give 1 or more requests per instance, "
                        + "or leave it out for no limit");
        assertThatThrownBy(() -> Admission.NONE.withQueueDepth(-1))
                .hasMessage("Queue depth -1 is out of range; give 0 (no queue) to 100000 waiting requests");
        assertThatThrownBy(() -> Admission.NONE.withQueueTimeout(Duration.ZERO))
                .hasMessage("Queue timeout 0 s is out of range; give more than 0 and at most 1 hour");
        assertThatThrownBy(() -> Admission.NONE.withQueueTimeout(Duration.ofMinutes(61)))
                .hasMessageStartingWith("Queue timeout 3660 s is out of range");
        assertThatThrownBy(() -> Admission.NONE.withUnavailableMessage(" "))
                .hasMessageStartingWith("Unavailable message must be 1 to 1000 characters");
        assertThatThrownBy(() -> Admission.NONE.withUnavailableMessage("a\nb"))
                .hasMessageStartingWith("Unavailable message must be 1 to 1000 characters");
    }
}
