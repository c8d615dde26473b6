package dev.slipway.config.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Maps runtime names, and optionally a {@code run.runtime-version}, to the images an app builds
 * and runs on. The defaults name official language images first and Slipway's offline images
 * (built by {@code make runtimes}) last; an operator can override any runtime's images.
 *
 * <p>Override keys are runtime names ({@code python311}), which set the build images and, unless
 * the run images are set too, the run images; and, for runtimes with the revised build, runtime
 * names with {@value #RUN_SUFFIX} ({@code python311.run}), which set only the run images. Values
 * are comma-separated image references, most preferred first; {@value ImageTemplates#VERSION} in
 * a reference is replaced by the app's runtime version, and the reference is skipped when the app
 * names none.
 */
public final class RuntimeCatalog {

    /** The file in Slipway's home directory an operator overrides images in. */
    public static final String FILE_NAME = "runtimes.properties";

    /** Marks an override key that sets a runtime's run images only. */
    public static final String RUN_SUFFIX = ".run";

    private static final String IMAGE_SEPARATOR = ",";

    /** A runtime's image lists, possibly with {@code {version}} placeholders. */
    private record Entry(ManagedRuntime runtime, ImageTemplates images) {
    }

    private final Map<String, Entry> entries;

    private RuntimeCatalog(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** Every {@link ManagedRuntime} with its default images. */
    public static RuntimeCatalog defaults() {
        var entries = new LinkedHashMap<String, Entry>();
        for (var runtime : ManagedRuntime.values()) {
            entries.put(runtime.fileName(), new Entry(runtime, DefaultImages.of(runtime)));
        }
        return new RuntimeCatalog(entries);
    }

    /**
     * The defaults with the overrides of a {@code .properties} file applied (see
     * {@link #withOverrides(Map)}); a missing file gives the defaults.
     *
     * @throws IllegalArgumentException naming the file and the key when a key is not a runtime
     *                                  name or a value lists no usable image
     * @throws UncheckedIOException     when the file exists but cannot be read
     */
    public static RuntimeCatalog load(Path propertiesFile) {
        if (!Files.exists(propertiesFile)) {
            return defaults();
        }
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read runtime catalog " + propertiesFile, e);
        }
        var overrides = new TreeMap<String, String>();
        properties.stringPropertyNames().forEach(key -> overrides.put(key, properties.getProperty(key)));
        try {
            return defaults().withOverrides(overrides);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(propertiesFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A copy with some runtimes' images replaced; host commands stay.
     *
     * @param overrides {@code runtime} or {@code runtime.run} → comma-separated image references,
     *                  most preferred first (see the class description)
     * @throws IllegalArgumentException when a key is not a runtime name, names the run images of a
     *                                  runtime that builds and runs on one image, or a value lists
     *                                  no image that applies without a runtime version
     */
    public RuntimeCatalog withOverrides(Map<String, String> overrides) {
        var build = new TreeMap<String, List<String>>();
        var run = new TreeMap<String, List<String>>();
        for (var override : new TreeMap<>(overrides).entrySet()) {
            var key = override.getKey().strip();
            var runOnly = key.endsWith(RUN_SUFFIX);
            var name = runOnly ? key.substring(0, key.length() - RUN_SUFFIX.length()) : key;
            var entry = entries.get(name);
            if (entry == null) {
                throw new IllegalArgumentException("unknown runtime \"" + override.getKey() + "\"; use one of "
                        + String.join(", ", entries.keySet()) + " (or a runtime name with " + RUN_SUFFIX + ")");
            }
            if (runOnly && !entry.runtime().revisedBuild()) {
                throw new IllegalArgumentException(key + ": " + name + " uses the original build, which builds and "
                        + "runs on one image; set " + name + " instead");
            }
            (runOnly ? run : build).put(name, images(key, override.getValue(), runOnly ? entry.images().run()
                    : entry.images().build()));
        }
        var copy = new LinkedHashMap<>(entries);
        for (var name : union(build.keySet(), run.keySet())) {
            var current = entries.get(name).images();
            var buildImages = build.getOrDefault(name, current.build());
            var runImages = run.getOrDefault(name, build.containsKey(name) ? buildImages : current.run());
            copy.put(name, new Entry(entries.get(name).runtime(), new ImageTemplates(buildImages, runImages)));
        }
        return new RuntimeCatalog(copy);
    }

    /** The images for a runtime name as written in apprunner.yaml, without a runtime version; empty if unknown. */
    public Optional<RuntimeImage> lookup(String runtime) {
        return lookup(runtime, Optional.empty());
    }

    /**
     * The images for a runtime name as written in apprunner.yaml, or empty if unknown.
     *
     * @param runtimeVersion the app's {@code run.runtime-version}. A version of the runtime more
     *                       precise than its major (e.g. {@code 3.8.16} for {@code python3}) puts
     *                       version-specific images first; any other value is ignored
     */
    public Optional<RuntimeImage> lookup(String runtime, Optional<String> runtimeVersion) {
        var entry = entries.get(runtime);
        if (entry == null) {
            return Optional.empty();
        }
        var version = runtimeVersion.map(String::strip)
                .filter(v -> RuntimeVersions.selectsATag(entry.runtime(), v));
        return Optional.of(new RuntimeImage(runtime, ImageTemplates.expand(entry.images().build(), version),
                ImageTemplates.expand(entry.images().run(), version), entry.runtime().hostCommand()));
    }

    /**
     * What an image carries, for messages, when the catalog knows the image: Slipway's offline
     * images in detail (e.g. "OpenJDK 17 from Debian bookworm with java, javac, mvn (Maven 3.8),
     * gradle (Gradle 4.4), curl, git"), the official language images in general terms; empty for
     * other images.
     */
    public Optional<String> describe(String imageReference) {
        return ImageDescriptions.describe(imageReference);
    }

    /**
     * What differs from what an app asked for when it builds or runs on {@code imageReference}:
     * an offline image of another language version (e.g. for {@code corretto11}, "built on OpenJDK
     * 17 from Debian bookworm; no Java (Amazon Corretto) 11 image here"). Empty when the image
     * provides the version, is not an offline image, or the runtime is unknown.
     *
     * @param runtimeVersion the app's {@code run.runtime-version}, which counts when it is more
     *                       precise than the runtime's major
     */
    public Optional<String> differences(String runtime, Optional<String> runtimeVersion, String imageReference) {
        var entry = entries.get(runtime);
        return entry == null ? Optional.empty()
                : OfflineImage.of(imageReference).flatMap(image -> image.differenceFrom(entry.runtime(), runtimeVersion));
    }

    /** Every runtime name the catalog knows, App Runner's first. */
    public Set<String> runtimes() {
        return entries.keySet();
    }

    private static List<String> images(String key, String value, List<String> current) {
        var images = Arrays.stream(value.split(IMAGE_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        var example = key + "=" + current.stream().filter(i -> !ImageTemplates.hasPlaceholder(i)).findFirst()
                .orElseThrow();
        if (images.isEmpty()) {
            throw new IllegalArgumentException(key + ": no image given; list one or more images, e.g. " + example);
        }
        if (!ImageTemplates.hasPlainImage(images)) {
            throw new IllegalArgumentException(key + ": every image contains " + ImageTemplates.VERSION
                    + ", which applies only when an app sets run.runtime-version; add an image without it, e.g. "
                    + example);
        }
        return images;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
