/**
 * The {@code apprunner.yaml} model ({@link dev.slipway.config.AppRunnerConfig} and its sections)
 * and its parser, {@link dev.slipway.config.AppRunnerYamlParser}. SnakeYAML is used only inside
 * this package's package-private loader; nothing outside sees its types.
 */
package dev.slipway.config;
