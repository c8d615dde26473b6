package dev.slipway.config;

/** One {@code run.secrets} entry: an environment variable filled from a secret store. */
public record SecretRef(String name, String valueFrom) {
}
