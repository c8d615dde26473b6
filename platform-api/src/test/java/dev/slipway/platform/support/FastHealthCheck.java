package dev.slipway.platform.support;

/** An {@code apprunner.yaml} section that gives up after two failed checks a second apart (App Runner: 5 × 5 s), for tests of failed starts. */
public final class FastHealthCheck {

    /** Appended to an {@code apprunner.yaml} (or put where a top-level section may go). */
    public static final String YAML = """
            slipway:
              health-check:
                interval: 1
                unhealthy-threshold: 2
            """;

    private FastHealthCheck() {
    }
}
