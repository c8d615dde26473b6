/**
 * The {@code apprunner.yaml} model ({@link dev.slipway.config.AppRunnerConfig} and its sections,
 * including Slipway's {@code models} and {@code slipway} extensions) and its parser,
 * {@link dev.slipway.config.AppRunnerYamlParser}; {@link dev.slipway.config.ValidationReport}
 * checks a file's text for callers that only need the problems. SnakeYAML is used only inside this
 * package's package-private loader; nothing outside sees its types.
 */
package dev.slipway.config;
