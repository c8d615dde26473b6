package dev.slipway.config;

/**
 * Parses {@code apprunner.yaml} text into an {@link AppRunnerConfig}, reporting every problem at
 * once with its {@code file:line:column}. Never throws for bad input: every input ends with a
 * {@link ConfigParseResult}.
 */
public final class AppRunnerYamlParser {

    private AppRunnerYamlParser() {
    }

    /**
     * @param fileName the name used in problem locations, e.g. {@code apprunner.yaml} or a path
     * @param text     the file's content
     */
    public static ConfigParseResult parse(String fileName, String text) {
        throw new UnsupportedOperationException("not yet");
    }
}
