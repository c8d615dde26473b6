package dev.slipway.config;

/** One {@code name}/{@code value} entry of {@code build.env} or {@code run.env}. */
public record EnvVar(String name, String value) {
}
