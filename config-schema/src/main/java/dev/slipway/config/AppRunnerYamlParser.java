package dev.slipway.config;

import dev.slipway.config.YamlNode.Mapping;
import java.util.Optional;

/**
 * Parses {@code apprunner.yaml} text into an {@link AppRunnerConfig}, reporting every problem at
 * once with its {@code file:line:column}. Never throws for bad input: every input ends with a
 * {@link ConfigParseResult}.
 *
 * <p>Unknown and misplaced keys are warnings with a suggested fix; missing required keys, values
 * of the wrong type, unknown runtimes, invalid YAML, binary content, exceeded limits, custom tags and
 * duplicate keys are errors.
 * A document that is not an apprunner.yaml at all gets one error saying so. The config is present
 * only when there is no error.
 */
public final class AppRunnerYamlParser {

    private AppRunnerYamlParser() {
    }

    /**
     * @param fileName the name used in problem locations, e.g. {@code apprunner.yaml} or a path
     * @param text     the file's content
     */
    public static ConfigParseResult parse(String fileName, String text) {
        var problems = new Problems(fileName);
        var root = YamlLoader.load(text, problems);
        if (root.isEmpty()) {
            return new ConfigParseResult(Optional.empty(), problems.all());
        }
        var notAConfig = ConfigReader.notAConfig(root.get());
        if (notAConfig.isPresent()) {
            // Other tools' files break many rules at once; only the one that matters is reported.
            var only = new Problems(fileName);
            only.error(notAConfig.get().at(), "", Messages.notAConfig(notAConfig.get().found()));
            return new ConfigParseResult(Optional.empty(), only.all());
        }
        var config = new ConfigReader(problems).read((Mapping) root.get());
        return new ConfigParseResult(problems.hasErrors() ? Optional.empty() : config, problems.all());
    }

    /**
     * The config, or an {@link InvalidConfigException} carrying every problem when there is an
     * error.
     */
    public static AppRunnerConfig parseOrThrow(String fileName, String text) {
        var result = parse(fileName, text);
        return result.config().orElseThrow(() -> new InvalidConfigException(result.problems()));
    }
}
