package dev.slipway.router;

/**
 * One upstream instance of a route.
 *
 * @param address {@code host:port} of the instance
 * @param weight  relative share of new requests (0 takes none)
 */
public record Target(String address, int weight) {

    /** The weight of a target that takes all traffic. */
    public static final int FULL_WEIGHT = 100;
}
