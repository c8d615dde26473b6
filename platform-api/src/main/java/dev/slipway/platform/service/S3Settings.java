package dev.slipway.platform.service;

import dev.slipway.build.model.StoreAccess;
import java.net.URI;
import java.util.Optional;

/**
 * A service's own way into S3 for its models, over Slipway's {@code AWS_*} variables: any field
 * given replaces the matching variable.
 *
 * @param endpoint        an S3-compatible endpoint, e.g. {@code http://minio.internal:9000}
 * @param region          the region
 * @param accessKeyId     the access key id
 * @param secretAccessKey the secret key (never shown by the API)
 */
public record S3Settings(String endpoint, String region, String accessKeyId, String secretAccessKey) {

    /** What the API shows in place of the secret key. */
    public static final String HIDDEN = "****";

    /** Slipway's own access with this service's settings laid over it. */
    public StoreAccess over(StoreAccess defaults) {
        return new StoreAccess(
                present(endpoint).map(URI::create).or(defaults::endpoint),
                present(region).orElse(defaults.region()),
                present(accessKeyId).or(defaults::accessKeyId),
                present(secretAccessKey).or(defaults::secretAccessKey),
                present(accessKeyId).isPresent() ? Optional.empty() : defaults.sessionToken());
    }

    /** These settings as the API shows them: the secret key hidden. */
    public S3Settings hidden() {
        return new S3Settings(endpoint, region, accessKeyId, secretAccessKey == null ? null : HIDDEN);
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
