package dev.slipway.config;

import dev.slipway.config.YamlNode.Position;
import java.util.List;
import java.util.Locale;

/**
 * Every problem text the parser produces. A message says what is wrong, then, after a
 * semicolon, how to fix it; values from the file are quoted with {@link #quote(String)}.
 */
final class Messages {

    /** Where users read about the file. */
    static final String REFERENCE = "docs/apprunner-yaml.md";
    /** The only documented {@code version}. */
    static final String KNOWN_VERSION = "1.0";

    private static final int MAX_QUOTED_LENGTH = 60;
    private static final String VARIABLE_RULE = "use letters, digits and underscores, not starting with a digit";

    private Messages() {
    }

    // --- reading the YAML ---

    static String tooLarge(int maxCodePoints) {
        return "the file is larger than 1 MiB (" + maxCodePoints + " characters); "
                + "an apprunner.yaml holds only build and run settings, so shorten it";
    }

    static String invalidYaml(String problem, String context, Position contextAt) {
        var what = oneLine(problem);
        if (context != null && contextAt != null) {
            what = oneLine(context) + " at line " + contextAt.line() + ", column " + contextAt.column() + ": " + what;
        }
        return "invalid YAML: " + what + "; check the indentation, colons and quotes here";
    }

    static String unreadableYaml(String reason) {
        return "invalid YAML: " + oneLine(reason) + "; fix the YAML syntax";
    }

    static String tooManyAliases(int max) {
        return "invalid YAML: more than " + max + " aliases to lists or maps, this is one too many; "
                + "write the values out instead";
    }

    static String tooDeep(int max) {
        return "invalid YAML: lists and maps nested more than " + max + " levels deep here; "
                + "an apprunner.yaml needs about five levels, so flatten them";
    }

    static String notUtf8() {
        return "the file is not UTF-8 text here: bytes that are not UTF-8 were read as U+FFFD; "
                + "save the file as UTF-8";
    }

    static String badCharacter(int codePoint) {
        String what;
        if (codePoint == 0) {
            what = "a NUL byte, as in binary files";
        } else if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            what = "half of a surrogate pair";
        } else if (Character.isISOControl(codePoint)) {
            what = "a control character";
        } else {
            what = "a noncharacter";
        }
        return "invalid YAML: character " + String.format(Locale.ROOT, "U+%04X", codePoint) + " (" + what
                + ") is not allowed; remove it, an apprunner.yaml is plain UTF-8 text";
    }

    static String secondDocument() {
        return "a second YAML document starts here; an apprunner.yaml holds one, remove the extra ---";
    }

    static String emptyFile() {
        return "the file is empty; add version, runtime, build and run (see " + REFERENCE + ")";
    }

    static String customTag(String tag) {
        return "tag " + tag + " is not allowed; apprunner.yaml holds plain values, remove the tag";
    }

    static String recursiveAlias() {
        return "alias refers to the value that contains it; write the value out instead";
    }

    static String complexKey() {
        return "a key must be a plain name, not a list or a map; write name: value";
    }

    static String duplicateKey(Position first) {
        return "duplicate key, first set at line " + first.line() + ", column " + first.column() + "; keep only one";
    }

    static String badMerge(String found) {
        return "<< must name a map or a list of maps, found " + found + "; merge only maps";
    }

    // --- keys ---

    static String missing(String example) {
        return "required key is missing; add e.g. " + example;
    }

    static String missingUnder(String parent, String example) {
        return "required key is missing; add it under " + parent + ", e.g. " + example;
    }

    static String noValue(String example) {
        return "required value is missing; write e.g. " + example;
    }

    static String noValueIgnored() {
        return "has no value and is ignored; give it a value or remove the key";
    }

    static String wrongType(String expected, YamlNode found, String example) {
        return "expected " + expected + ", found " + YamlNode.describe(found) + "; write e.g. " + example;
    }

    static String notAConfig(String found) {
        return "expected a map with version, runtime, build and run, found " + found
                + "; is this an apprunner.yaml? See " + REFERENCE;
    }

    static String unknownKey(List<String> suggestions) {
        return "unknown key; did you mean " + String.join(" or ", suggestions) + "?";
    }

    static String unknownKeyAllowed(List<String> allowed) {
        return "unknown key; keys allowed here: " + String.join(", ", allowed);
    }

    static String serviceSetting(String slipwayKey) {
        return "App Runner ignores this key; did you mean " + slipwayKey + "?";
    }

    static String serviceSettingWithoutEquivalent() {
        return "App Runner ignores this key and Slipway has no such setting; remove it";
    }

    static String valueFromInEnv(String secretsPath) {
        return "unknown key; did you mean " + secretsPath + "? An entry with value-from belongs there; "
                + "this entry is ignored";
    }

    // --- values ---

    static String versionNotKnown(String version) {
        return quote(version) + " is not a known version; Slipway reads the file as version " + KNOWN_VERSION
                + ", write version: " + KNOWN_VERSION;
    }

    static String unknownRuntime(String runtime, List<String> closeMatches) {
        return quote(runtime) + " is not a known runtime; did you mean " + String.join(" or ", closeMatches) + "?";
    }

    static String unknownRuntimeChoose(String runtime, List<String> known) {
        return quote(runtime) + " is not a known runtime; use one of " + String.join(", ", known);
    }

    static String runtimeAlias(String written, String canonical) {
        return quote(written) + " is not a runtime name; Slipway reads it as " + canonical + ", write runtime: "
                + canonical;
    }

    static String extensionRuntime(String runtime, String appRunnerAlternative) {
        return runtime + " is a Slipway runtime that App Runner does not offer; keep it to run on Slipway only, "
                + "or use " + appRunnerAlternative + " to stay compatible with App Runner";
    }

    static String dockerRuntime(String runtime, List<String> known) {
        return quote(runtime) + " is not a known runtime; to build the Dockerfile, remove apprunner.yaml, "
                + "or use one of " + String.join(", ", known);
    }

    static String phasesExpected(YamlNode found, String buildCommand) {
        return "expected a map of phases (pre-build, build, post-build), found " + YamlNode.describe(found)
                + "; put the commands under a phase, e.g. commands: {build: [" + buildCommand + "]}";
    }

    static String singleCommand() {
        return "expected a list of commands, found a single string; it runs as one command, "
                + "but write it as a list item starting with \"- \"";
    }

    static String commandExpected(YamlNode found, String example) {
        if (found instanceof YamlNode.Mapping) {
            return "expected a command, found a map; quote a command that contains \": \", e.g. - \"echo a: b\"";
        }
        return "expected a command, found " + YamlNode.describe(found) + "; write e.g. - " + example;
    }

    static String noCommands(String example) {
        return "no commands given; add at least one, e.g. - " + example;
    }

    static String emptyCommand(String example) {
        return "the command is empty; write e.g. command: " + example;
    }

    static String commandIsList(String example) {
        return "expected one command, found a list; join the commands with &&, e.g. command: " + example
                + ", or move setup steps to build";
    }

    /** A value that is not an integer in its range; {@code max} is {@link Integer#MAX_VALUE} when there is no upper bound. */
    static String badInteger(String text, String what, int min, int max, String example) {
        var range = max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
        return quote(text) + " is not " + what + "; use an integer " + range + ", e.g. " + example;
    }

    static String badVariableName(String text, String example) {
        return quote(text) + " is not a valid variable name; " + VARIABLE_RULE + ", e.g. " + example;
    }

    static String duplicateVariable(String name, Position first) {
        return quote(name) + " is already set at line " + first.line() + ", column " + first.column()
                + "; remove one of the entries";
    }

    static String listOfEntriesExpected(YamlNode found, String example) {
        return "expected a list of entries, found " + YamlNode.describe(found) + "; write each as a list item, e.g. - "
                + example;
    }

    static String entryExpected(YamlNode found, String example) {
        return "expected an entry, found " + YamlNode.describe(found) + "; write e.g. - " + example;
    }

    static String runtimeVersionFormat(String text) {
        return quote(text) + " is not a version number; use major[.minor[.patch]], e.g. runtime-version: 3.11";
    }

    static String runtimeVersionPrefixed(String text, String number) {
        return quote(text) + " is not a version number; Slipway reads it as " + number + ", write runtime-version: "
                + number;
    }

    static String runtimeVersionMismatch(String version, String runtime, String description, String suggestion) {
        var fix = suggestion.isEmpty() ? "remove it or give a version of " + description
                : "use runtime: " + suggestion + " for this version, or remove it";
        return quote(version) + " is not a version of " + runtime + " (" + description + "), so Slipway ignores it; "
                + fix;
    }

    static String preRunOnOriginalBuild(String runtime, String revisedAlternative) {
        var alternative = revisedAlternative.isEmpty() ? ""
                : ", or use a runtime with the revised build such as " + revisedAlternative;
        return runtime + " uses the original build, where App Runner has no pre-run step; move the commands to "
                + "build.commands.build" + alternative;
    }

    /** A value from the file in double quotes, on one line, shortened when long. */
    static String quote(String text) {
        var shown = text.length() > MAX_QUOTED_LENGTH ? text.substring(0, MAX_QUOTED_LENGTH) + "..." : text;
        return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + "\"";
    }

    private static String oneLine(String text) {
        return text == null ? "unreadable input" : text.strip().replaceAll("\\s+", " ");
    }
}
