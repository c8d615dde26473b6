package dev.slipway.platform.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the console's metrics history is kept, bound from {@code slipway.metrics.*}.
 *
 * @param sampleInterval how often each service's traffic is read from the router and stored: from 1 s to 10 s,
 *                       the step of the one-hour charts
 */
@ConfigurationProperties("slipway.metrics")
public record MetricsSettings(@DefaultValue("10s") Duration sampleInterval) {

    static final Duration SHORTEST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(10);

    public MetricsSettings {
        if (sampleInterval.compareTo(SHORTEST) < 0 || sampleInterval.compareTo(LONGEST) > 0
                || sampleInterval.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("slipway.metrics.sample-interval must be whole seconds from 1s to 10s; got "
                    + sampleInterval.toMillis() + " ms");
        }
    }
}
