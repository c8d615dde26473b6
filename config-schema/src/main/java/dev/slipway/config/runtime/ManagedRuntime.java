package dev.slipway.config.runtime;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The runtimes an {@code apprunner.yaml} can name: App Runner's thirteen, and newer ones that
 * App Runner never offered, which Slipway adds as extensions. The constant names are App
 * Runner's API enum forms ({@code PYTHON_311}).
 */
public enum ManagedRuntime {
    PYTHON_3("python3", Language.PYTHON, BuildProcess.ORIGINAL, true, "3.7", "3.8"),
    PYTHON_311("python311", Language.PYTHON, BuildProcess.REVISED, true, "3.11"),
    NODEJS_12("nodejs12", Language.NODEJS, BuildProcess.ORIGINAL, true, "12"),
    NODEJS_14("nodejs14", Language.NODEJS, BuildProcess.ORIGINAL, true, "14"),
    NODEJS_16("nodejs16", Language.NODEJS, BuildProcess.ORIGINAL, true, "16"),
    NODEJS_18("nodejs18", Language.NODEJS, BuildProcess.REVISED, true, "18"),
    NODEJS_22("nodejs22", Language.NODEJS, BuildProcess.REVISED, true, "22"),
    CORRETTO_8("corretto8", Language.CORRETTO, BuildProcess.ORIGINAL, true, "8"),
    CORRETTO_11("corretto11", Language.CORRETTO, BuildProcess.ORIGINAL, true, "11"),
    DOTNET_6("dotnet6", Language.DOTNET, BuildProcess.ORIGINAL, true, "6"),
    PHP_81("php81", Language.PHP, BuildProcess.ORIGINAL, true, "8.1"),
    RUBY_31("ruby31", Language.RUBY, BuildProcess.ORIGINAL, true, "3.1"),
    GO_1("go1", Language.GO, BuildProcess.ORIGINAL, true, "1"),
    PYTHON_312("python312", Language.PYTHON, BuildProcess.REVISED, false, "3.12"),
    PYTHON_313("python313", Language.PYTHON, BuildProcess.REVISED, false, "3.13"),
    NODEJS_20("nodejs20", Language.NODEJS, BuildProcess.REVISED, false, "20"),
    CORRETTO_17("corretto17", Language.CORRETTO, BuildProcess.REVISED, false, "17"),
    CORRETTO_21("corretto21", Language.CORRETTO, BuildProcess.REVISED, false, "21");

    /** The languages of the runtimes, with the prefix of their {@code apprunner.yaml} names. */
    public enum Language {
        PYTHON("python", "Python", "python3"),
        NODEJS("nodejs", "Node.js", "node"),
        CORRETTO("corretto", "Java (Amazon Corretto)", "java"),
        DOTNET("dotnet", ".NET", "dotnet"),
        PHP("php", "PHP", "php"),
        RUBY("ruby", "Ruby", "ruby"),
        GO("go", "Go", "go");

        private final String prefix;
        private final String displayName;
        private final String hostCommand;

        Language(String prefix, String displayName, String hostCommand) {
            this.prefix = prefix;
            this.displayName = displayName;
            this.hostCommand = hostCommand;
        }

        /** How the language's runtime names start, e.g. {@code nodejs}. */
        public String prefix() {
            return prefix;
        }

        public String displayName() {
            return displayName;
        }
    }

    private final String fileName;
    private final Language language;
    private final BuildProcess buildProcess;
    private final boolean appRunner;
    private final List<String> versions;

    ManagedRuntime(String fileName, Language language, BuildProcess buildProcess, boolean appRunner,
            String... versions) {
        this.fileName = fileName;
        this.language = language;
        this.buildProcess = buildProcess;
        this.appRunner = appRunner;
        this.versions = List.of(versions);
    }

    /** The runtime whose {@code apprunner.yaml} name is exactly {@code name}, e.g. {@code python311}. */
    public static Optional<ManagedRuntime> fromFileName(String name) {
        return Arrays.stream(values()).filter(r -> r.fileName.equals(name)).findFirst();
    }

    /** The runtime named {@code name} exactly, as {@code apprunner.yaml} or App Runner's API writes it. */
    public static Optional<ManagedRuntime> fromName(String name) {
        return Arrays.stream(values()).filter(r -> r.fileName.equals(name) || r.name().equals(name)).findFirst();
    }

    /** Every {@code apprunner.yaml} runtime name, App Runner's first, in declaration order. */
    public static List<String> fileNames() {
        return Arrays.stream(values()).map(ManagedRuntime::fileName).toList();
    }

    /** The name {@code apprunner.yaml} uses, e.g. {@code python311}. */
    public String fileName() {
        return fileName;
    }

    /** The name App Runner's API uses, e.g. {@code PYTHON_311}. */
    public String apiName() {
        return name();
    }

    public Language language() {
        return language;
    }

    /**
     * The language versions the runtime provides, as {@code major} or {@code major.minor}
     * prefixes, e.g. {@code [3.7, 3.8]} for {@code python3}.
     */
    public List<String> versions() {
        return versions;
    }

    /** E.g. "Python 3.7 or 3.8". */
    public String description() {
        return language.displayName + " " + String.join(" or ", versions);
    }

    public BuildProcess buildProcess() {
        return buildProcess;
    }

    /**
     * Whether App Runner builds this runtime with the revised process: only {@code /app} is
     * carried into the run image, then {@code run.pre-run} runs.
     */
    public boolean revisedBuild() {
        return buildProcess == BuildProcess.REVISED;
    }

    /** Whether App Runner offers this runtime; the others are Slipway extensions. */
    public boolean appRunnerRuntime() {
        return appRunner;
    }

    /** The interpreter or tool the runtime needs on the host when apps run as local processes. */
    public String hostCommand() {
        return language.hostCommand;
    }

    /** The first image the default catalog builds this runtime's apps on, e.g. {@code python:3.11}. */
    public String officialImage() {
        return DefaultImages.official(this).build().stream().filter(image -> !ImageTemplates.hasPlaceholder(image))
                .findFirst().orElseThrow();
    }

    /**
     * The image {@code make runtimes} builds from Debian packages that this runtime falls back to,
     * e.g. {@code slipway/runtime-java17:bookworm} for every Corretto runtime; none for .NET.
     */
    public Optional<String> offlineImage() {
        return offline().map(OfflineImage::reference);
    }

    /** The offline image this runtime falls back to; none for .NET, which Debian does not package. */
    public Optional<OfflineImage> offline() {
        return OfflineImage.fallbackFor(language);
    }

    /**
     * Whether {@code runtimeVersion} (e.g. {@code 3.8.16}) is a version of this runtime: its major
     * alone, or one of {@link #versions()} followed by nothing or by more components.
     */
    public boolean acceptsVersion(String runtimeVersion) {
        if (!RuntimeVersions.isNumeric(runtimeVersion)) {
            return false;
        }
        var major = versions.get(0).split("\\.")[0];
        return runtimeVersion.equals(major) || versions.stream().anyMatch(v -> matches(runtimeVersion, v));
    }

    /**
     * Whether {@code runtimeVersion} names one of this runtime's {@link #versions()}, more precisely
     * than the major alone where the runtime is defined by its minor version.
     */
    public boolean providesVersion(String runtimeVersion) {
        return RuntimeVersions.isNumeric(runtimeVersion) && versions.stream().anyMatch(v -> matches(runtimeVersion, v));
    }

    private static boolean matches(String runtimeVersion, String prefix) {
        return runtimeVersion.equals(prefix) || runtimeVersion.startsWith(prefix + ".");
    }
}
