package dev.slipway.router;

import java.util.Objects;

/**
 * One upstream instance of a route.
 *
 * @param address {@code host:port} of the instance, e.g. {@code 127.0.0.1:9001} or {@code [::1]:9001}
 * @param weight  relative share of new requests (0 takes none)
 */
public record Target(String address, int weight) {

    /** The weight of a target that takes all traffic. */
    public static final int FULL_WEIGHT = 100;

    /**
     * @throws IllegalArgumentException when the address is not {@code host:port} or the weight is negative
     */
    public Target {
        Objects.requireNonNull(address, "address");
        TargetAddress.parse(address);
        if (weight < 0) {
            throw new IllegalArgumentException(
                    "Target " + address + " has weight " + weight + "; use 0 to send it no new requests, or more");
        }
    }

    /** A target that takes all traffic of its route. */
    public static Target of(String address) {
        return new Target(address, FULL_WEIGHT);
    }
}
