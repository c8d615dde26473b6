package dev.slipway.build.model;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How to reach an S3-compatible store. By default Slipway's own {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_REGION} and
 * {@code AWS_ENDPOINT_URL_S3}; a service may override any of them.
 *
 * @param endpoint  an S3-compatible endpoint (MinIO, Ceph, …); empty for AWS itself. Path-style
 *                  addressing is used with an endpoint.
 * @param region    the region; {@link #DEFAULT_REGION} when none is set
 * @param accessKeyId     empty for anonymous access
 * @param secretAccessKey empty for anonymous access
 * @param sessionToken    for temporary credentials
 */
public record StoreAccess(Optional<URI> endpoint, String region, Optional<String> accessKeyId,
                          Optional<String> secretAccessKey, Optional<String> sessionToken) {

    public static final String DEFAULT_REGION = "us-east-1";
    /** Variables of {@link #asEnvironment} that say where the store is, not how to get in; logs show them. */
    private static final Set<String> PUBLIC_VARIABLES =
            Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");

    /** The standard AWS variables of an environment (Slipway's own, usually). */
    public static StoreAccess fromEnvironment(Map<String, String> env) {
        return new StoreAccess(
                nonBlank(env.get("AWS_ENDPOINT_URL_S3")).or(() -> nonBlank(env.get("AWS_ENDPOINT_URL"))).map(URI::create),
                nonBlank(env.get("AWS_REGION")).or(() -> nonBlank(env.get("AWS_DEFAULT_REGION"))).orElse(DEFAULT_REGION),
                nonBlank(env.get("AWS_ACCESS_KEY_ID")),
                nonBlank(env.get("AWS_SECRET_ACCESS_KEY")),
                nonBlank(env.get("AWS_SESSION_TOKEN")));
    }

    /**
     * The same access as the variables build commands see, so a build that runs
     * {@code aws s3 cp} itself reaches the same store. Holds secrets: give it to build commands
     * only as exec environment, never as image configuration.
     */
    public Map<String, String> asEnvironment() {
        var env = new java.util.LinkedHashMap<String, String>();
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        endpoint.ifPresent(e -> env.put("AWS_ENDPOINT_URL_S3", e.toString()));
        endpoint.ifPresent(e -> env.put("AWS_ENDPOINT_URL", e.toString()));
        accessKeyId.ifPresent(v -> env.put("AWS_ACCESS_KEY_ID", v));
        secretAccessKey.ifPresent(v -> env.put("AWS_SECRET_ACCESS_KEY", v));
        sessionToken.ifPresent(v -> env.put("AWS_SESSION_TOKEN", v));
        return Map.copyOf(env);
    }

    /** The values that must never appear in logs: the credentials. */
    public Set<String> secretValues() {
        return secretValues(asEnvironment());
    }

    /**
     * The values of a build's secret variables that must never appear in logs: all of them but the store's
     * region and endpoint, which would otherwise show as masked wherever a log mentions them.
     */
    public static Set<String> secretValues(Map<String, String> secretEnvironment) {
        return secretEnvironment.entrySet().stream().filter(e -> !PUBLIC_VARIABLES.contains(e.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.toUnmodifiableSet());
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
