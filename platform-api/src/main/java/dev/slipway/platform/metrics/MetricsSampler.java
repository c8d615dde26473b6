package dev.slipway.platform.metrics;

import dev.slipway.platform.routing.RouteTablePublisher;
import dev.slipway.platform.system.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the console's metrics history: every sampling interval (10 s by default) it reads the router's per-service
 * meters and stores what each routed service did since the previous read, one {@code metric_samples} row per
 * service; rows older than a day are removed. The first read after Slipway starts only sets the baseline: a router
 * process counts from its own start, which may be long before.
 */
@Component
class MetricsSampler implements DisposableBean {

    static final Duration KEEP = Duration.ofHours(24);
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(MetricsSampler.class);

    private final RouteTablePublisher router;
    private final MetricSamples samples;
    private final Duration interval;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("metrics-sampler-"));
    /** The previous read, by service; null until the first. Only the sampler's thread touches it. */
    private Map<String, ServiceReading> previous;
    private Instant purged = Instant.EPOCH;

    MetricsSampler(RouteTablePublisher router, MetricSamples samples, MetricsSettings settings) {
        this.router = router;
        this.samples = samples;
        this.interval = settings.sampleInterval();
    }

    /**
     * Starts sampling once Slipway is up: a baseline read now, then reads in the middle of each interval of the
     * wall clock (at :05, :15… for 10 s), so each lands in its own chart step even when a read runs late.
     */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long period = interval.toMillis();
        long delay = Math.floorMod(period / 2 - clock.millis(), period);
        thread.execute(this::sample);
        thread.scheduleAtFixedRate(this::sample, delay, period, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            var text = router.metrics();
            if (text.isBlank()) {
                // The router process is down: nothing is served, so nothing to count; a restarted router counts
                // from 0, which the next read sees as counts that went down.
                return;
            }
            var now = clock.instant();
            var readings = ServiceReading.read(text);
            if (previous != null) {
                var rows = new ArrayList<MetricSample>(readings.size());
                readings.forEach((service, reading) -> rows.add(reading.since(service, previous.get(service))));
                samples.insert(now, rows);
            }
            previous = readings;
            if (Duration.between(purged, now).compareTo(PURGE_EVERY) >= 0) {
                samples.deleteBefore(now.minus(KEEP));
                purged = now;
            }
        } catch (RuntimeException e) {
            log.warn("Could not store the services' metrics; trying again in {} s: {}", interval.toSeconds(), e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
