package dev.slipway.platform.routing;

import dev.slipway.router.Admission;
import java.time.Duration;

/**
 * How the router admits a service's requests when its instances are busy or there are none.
 *
 * @param concurrencyLimit   the most requests an instance is sent at once, more wait; 0 for no limit
 * @param queueDepth         the most requests waiting at once; beyond it the router answers 429 (busy) or
 *                           503 (no instance yet)
 * @param queueTimeout       the longest a request waits
 * @param holdWhileEmpty     while the service has no instance, requests wait for one (scale from zero)
 *                           instead of getting 503, and the router asks for one
 * @param unavailableMessage what a 503 says while the service has no instance and requests do not wait;
 *                           null for the router's own words
 */
public record AdmissionPolicy(int concurrencyLimit, int queueDepth, Duration queueTimeout, boolean holdWhileEmpty,
                              String unavailableMessage) {

    /** No limit and no waiting: a service without instances answers 503 at once. */
    public static final AdmissionPolicy NONE = new AdmissionPolicy(0, 0, Duration.ofSeconds(10), false, null);

    Admission toRouter() {
        return new Admission(concurrencyLimit == 0 ? null : concurrencyLimit, queueDepth, queueTimeout, holdWhileEmpty,
                unavailableMessage);
    }
}
