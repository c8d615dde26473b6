package dev.slipway.config;

import dev.slipway.config.runtime.ManagedRuntime;
import dev.slipway.config.runtime.ManagedRuntime.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code runtime} value: runtime names, App Runner's API forms, and the other ways
 * people write runtimes ({@code python3.11}, {@code Nodejs 12}, {@code java}), which are read as
 * the runtime they clearly mean; explains the rest.
 */
final class RuntimeNames {

    /** How a written runtime was recognised. */
    enum Match {
        /** The runtime's {@code apprunner.yaml} name. */
        NAME,
        /** App Runner's API enum form, e.g. {@code PYTHON_311}. */
        API_FORM,
        /** Another spelling of a runtime, read with a warning. */
        ALIAS
    }

    record Resolved(ManagedRuntime runtime, Match match) {
    }

    private static final int MAX_TYPOS = 2;
    private static final String SEPARATORS = "[\\s._-]";
    private static final List<String> DOCKER = List.of("docker", "dockerfile", "container", "image");
    /** A language word and optional version digits, separators removed: {@code java21}, {@code node}. */
    private static final Pattern LANGUAGE_AND_DIGITS = Pattern.compile("([a-z]+)(\\d*)");
    private static final Map<String, Language> LANGUAGE_WORDS = Map.ofEntries(
            Map.entry("python", Language.PYTHON),
            Map.entry("nodejs", Language.NODEJS),
            Map.entry("node", Language.NODEJS),
            Map.entry("corretto", Language.CORRETTO),
            Map.entry("amazoncorretto", Language.CORRETTO),
            Map.entry("java", Language.CORRETTO),
            Map.entry("openjdk", Language.CORRETTO),
            Map.entry("jdk", Language.CORRETTO),
            Map.entry("dotnet", Language.DOTNET),
            Map.entry("dotnetcore", Language.DOTNET),
            Map.entry("net", Language.DOTNET),
            Map.entry("php", Language.PHP),
            Map.entry("ruby", Language.RUBY),
            Map.entry("go", Language.GO),
            Map.entry("golang", Language.GO));
    /** The runtime a language name without a version means: App Runner's newest for the language. */
    private static final Map<Language, ManagedRuntime> LANGUAGE_DEFAULTS = Map.of(
            Language.PYTHON, ManagedRuntime.PYTHON_311,
            Language.NODEJS, ManagedRuntime.NODEJS_22,
            Language.CORRETTO, ManagedRuntime.CORRETTO_11,
            Language.DOTNET, ManagedRuntime.DOTNET_6,
            Language.PHP, ManagedRuntime.PHP_81,
            Language.RUBY, ManagedRuntime.RUBY_31,
            Language.GO, ManagedRuntime.GO_1);
    private static final String GO_MAJOR = "1";

    private RuntimeNames() {
    }

    /**
     * The runtime {@code written} names or clearly means.
     *
     * @param runtimeVersion the file's {@code run.runtime-version}, which picks the runtime when
     *                       only a language is named ({@code java} with {@code 21} is {@code corretto21})
     */
    static Optional<Resolved> resolve(String written, Optional<String> runtimeVersion) {
        var exact = ManagedRuntime.fromFileName(written);
        if (exact.isPresent()) {
            return Optional.of(new Resolved(exact.get(), Match.NAME));
        }
        var apiForm = ManagedRuntime.fromName(written);
        if (apiForm.isPresent()) {
            return Optional.of(new Resolved(apiForm.get(), Match.API_FORM));
        }
        var name = normalize(written);
        return ManagedRuntime.fromFileName(name).or(() -> fromLanguage(name, runtimeVersion))
                .map(runtime -> new Resolved(runtime, Match.ALIAS));
    }

    /** The newest App Runner runtime of the language, for messages about Slipway-only runtimes. */
    static ManagedRuntime appRunnerDefault(Language language) {
        return LANGUAGE_DEFAULTS.get(language);
    }

    static String unknownRuntimeMessage(String runtime) {
        var known = ManagedRuntime.fileNames();
        var name = normalize(runtime);
        if (DOCKER.contains(name)) {
            return Messages.dockerRuntime(runtime, known);
        }
        var close = Spelling.closest(name, known, candidate -> MAX_TYPOS);
        return close.isEmpty() ? Messages.unknownRuntimeChoose(runtime, known) : Messages.unknownRuntime(runtime, close);
    }

    private static String normalize(String written) {
        return written.toLowerCase(Locale.ROOT).replaceAll(SEPARATORS, "");
    }

    private static Optional<ManagedRuntime> fromLanguage(String name, Optional<String> runtimeVersion) {
        var matcher = LANGUAGE_AND_DIGITS.matcher(name);
        if (!matcher.matches() || !LANGUAGE_WORDS.containsKey(matcher.group(1))) {
            return Optional.empty();
        }
        var language = LANGUAGE_WORDS.get(matcher.group(1));
        var digits = matcher.group(2);
        if (language == Language.GO && (digits.isEmpty() || digits.startsWith(GO_MAJOR))) {
            return Optional.of(ManagedRuntime.GO_1);
        }
        if (!digits.isEmpty()) {
            return ManagedRuntime.fromFileName(language.prefix() + digits);
        }
        var byVersion = runtimeVersion.map(String::strip).flatMap(version -> Arrays.stream(ManagedRuntime.values())
                .filter(r -> r.language() == language && r.providesVersion(version)).findFirst());
        return byVersion.or(() -> Optional.of(LANGUAGE_DEFAULTS.get(language)));
    }
}
