package dev.slipway.platform.bench;

/**
 * One point of the load step's time series.
 *
 * @param seconds           since the load started
 * @param instances         healthy instances the API lists; -1 when it did not answer
 * @param desired           the autoscaler's {@code scaling.desiredInstances}; -1 when not reported
 * @param requestsPerSecond requests completed in the interval before this point, per second
 * @param failures          requests that failed in that interval (not 200, or no answer)
 */
record ScaleSample(double seconds, int instances, int desired, double requestsPerSecond, int failures) {
}
