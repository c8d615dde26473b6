package dev.slipway.config.runtime;

import dev.slipway.config.runtime.ManagedRuntime.Language;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Slipway's offline images: what {@code deploy/runtimes/build-runtime-images.sh} ({@code make
 * runtimes}) builds from Debian packages, so apps build where no registry can be reached. Each
 * language but .NET, which Debian does not package, has one its runtimes fall back to; the
 * versions and tools listed here are those of the Debian packages the script installs.
 */
public enum OfflineImage {
    PYTHON("python3", Language.PYTHON, true, "Python 3.11 from Debian bookworm", List.of("3.11"),
            List.of("python3", "python", "pip (pip 23.0)", "venv (python3 -m venv)")),
    PYTHON_SKLEARN("python3-sklearn", Language.PYTHON, false, "Python 3.11 with scikit-learn 1.2 from Debian bookworm",
            List.of("3.11"), List.of("python3", "python", "pip (pip 23.0)", "venv (python3 -m venv)")),
    NODEJS("nodejs18", Language.NODEJS, true, "Node.js 18 from Debian bookworm", List.of("18"),
            List.of("node", "npm (npm 9.2)", "yarn (Yarn 1.22)")),
    JAVA("java17", Language.CORRETTO, true, "OpenJDK 17 from Debian bookworm", List.of("17"),
            List.of("java", "javac", "mvn (Maven 3.8)", "gradle (Gradle 4.4)")),
    GO("go", Language.GO, true, "Go 1.23 from Debian bookworm-backports", List.of("1.23"), List.of("go", "gofmt")),
    RUBY("ruby", Language.RUBY, true, "Ruby 3.1 from Debian bookworm", List.of("3.1"),
            List.of("ruby", "gem", "bundle (Bundler 2.3)")),
    PHP("php", Language.PHP, true, "PHP 8.2 from Debian bookworm", List.of("8.2"),
            List.of("php", "composer (Composer 2.5)"));

    /** What the script names images: {@code slipway/runtime-<name>:bookworm}. */
    private static final String REPOSITORY = "slipway/runtime-";
    private static final String TAG = ":bookworm";
    /** Tools every offline image carries besides its language's. */
    private static final List<String> COMMON_TOOLS = List.of("curl", "git");

    private final String name;
    private final Language language;
    private final boolean fallback;
    private final String builtOn;
    private final List<String> versions;
    private final List<String> tools;

    OfflineImage(String name, Language language, boolean fallback, String builtOn, List<String> versions,
            List<String> tools) {
        this.name = name;
        this.language = language;
        this.fallback = fallback;
        this.builtOn = builtOn;
        this.versions = versions;
        this.tools = tools;
    }

    /** The image every runtime of {@code language} falls back to; none for .NET. */
    public static Optional<OfflineImage> fallbackFor(Language language) {
        return Arrays.stream(values()).filter(image -> image.fallback && image.language == language).findFirst();
    }

    /** The offline image {@code reference} names, e.g. {@code slipway/runtime-go:bookworm}. */
    public static Optional<OfflineImage> of(String reference) {
        return Arrays.stream(values()).filter(image -> image.reference().equals(reference)).findFirst();
    }

    /** The name the build script takes, e.g. {@code java17}. */
    public String scriptName() {
        return name;
    }

    /** E.g. {@code slipway/runtime-java17:bookworm}. */
    public String reference() {
        return REPOSITORY + name + TAG;
    }

    public Language language() {
        return language;
    }

    /** E.g. "OpenJDK 17 from Debian bookworm". */
    public String builtOn() {
        return builtOn;
    }

    /** The language versions the image has, as {@code major} or {@code major.minor}, e.g. {@code [3.11]}. */
    public List<String> versions() {
        return versions;
    }

    /** The commands it carries, some with their versions, e.g. {@code mvn (Maven 3.8)}. */
    public List<String> tools() {
        var all = new ArrayList<>(tools);
        all.addAll(COMMON_TOOLS);
        return List.copyOf(all);
    }

    /** E.g. "OpenJDK 17 from Debian bookworm with java, javac, mvn (Maven 3.8), gradle (Gradle 4.4), curl, git". */
    public String description() {
        return builtOn + " with " + String.join(", ", tools());
    }

    /**
     * What differs from what an app of {@code runtime} asked for, when this image lacks its version,
     * e.g. "built on OpenJDK 17 from Debian bookworm; no Java (Amazon Corretto) 11 image here".
     *
     * @param runtimeVersion the app's {@code run.runtime-version}; counts when it is a version of
     *                       the runtime more precise than its major (e.g. {@code 1.22} for {@code go1})
     * @return empty when the image provides the version (e.g. {@code python311}, {@code corretto17})
     */
    public Optional<String> differenceFrom(ManagedRuntime runtime, Optional<String> runtimeVersion) {
        var wanted = runtimeVersion.map(String::strip).filter(v -> RuntimeVersions.selectsATag(runtime, v))
                .map(List::of).orElse(runtime.versions());
        if (language == runtime.language() && wanted.stream().anyMatch(this::covers)) {
            return Optional.empty();
        }
        return Optional.of("built on " + builtOn + "; no " + runtime.language().displayName() + " "
                + String.join(" or ", wanted) + " image here");
    }

    /** Whether a version it has is {@code wanted}, within it ({@code 1.23} for {@code 1}) or its prefix. */
    private boolean covers(String wanted) {
        return versions.stream().anyMatch(v -> v.equals(wanted) || v.startsWith(wanted + ".")
                || wanted.startsWith(v + "."));
    }
}
