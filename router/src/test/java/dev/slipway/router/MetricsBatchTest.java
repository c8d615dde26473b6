package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsBatchTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServiceMetrics hello = new ServiceMetrics(registry, "hello", 1, new ServiceCounts(1));
    private final ServiceMetrics other = new ServiceMetrics(registry, "other", 1, new ServiceCounts(1));
    /** The event loop's task queue, run by hand. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final MetricsBatch batch = new MetricsBatch(tasks::add, 0);

    @Test
    void recordsEachServiceWhenTheLoopGetsToItsTask() {
        batch.add(hello, 200, 1_000_000);
        batch.add(other, 503, 2_000_000);
        batch.add(hello, 0, 0);

        assertThat(requests("hello")).isZero();
        assertThat(tasks).hasSize(1);
        tasks.remove().run();

        assertThat(requests("hello")).isEqualTo(2);
        assertThat(count("slipway.router.2xx.status.responses", "hello")).isEqualTo(1);
        assertThat(latency("hello").count()).as("a request without a response has no latency").isEqualTo(1);
        assertThat(latency("hello").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1.0);
        assertThat(requests("other")).isEqualTo(1);
        assertThat(count("slipway.router.5xx.status.responses", "other")).isEqualTo(1);
    }

    @Test
    void writesOutAFullBatchAtOnceAndStartsTheNextOne() {
        for (int i = 0; i < MetricsBatch.CAPACITY + 1; i++) {
            batch.add(hello, 200, 1_000);
        }

        assertThat(requests("hello")).isEqualTo(MetricsBatch.CAPACITY);
        assertThat(tasks).hasSize(2);
        tasks.forEach(Runnable::run);
        assertThat(requests("hello")).isEqualTo(MetricsBatch.CAPACITY + 1);
        assertThat(latency("hello").count()).isEqualTo(MetricsBatch.CAPACITY + 1);
    }

    private double requests(String service) {
        return count(RouterMetrics.REQUESTS, service);
    }

    private double count(String name, String service) {
        return registry.get(name).tag(RouterMetrics.SERVICE_TAG, service).functionCounter().count();
    }

    private Timer latency(String service) {
        return registry.get(RouterMetrics.LATENCY).tag(RouterMetrics.SERVICE_TAG, service).timer();
    }
}
