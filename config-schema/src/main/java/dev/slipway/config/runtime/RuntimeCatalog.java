package dev.slipway.config.runtime;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps runtime names to base images. The defaults name the official language images first and
 * Slipway's offline images (built by {@code make runtimes}) second; an operator can override any
 * entry.
 */
public final class RuntimeCatalog {

    /** Separates the images of one override value. */
    private static final String IMAGE_SEPARATOR = ",";

    private final Map<String, RuntimeImage> images;

    private RuntimeCatalog(Map<String, RuntimeImage> images) {
        this.images = Map.copyOf(images);
    }

    /** Every {@link ManagedRuntime}: its official image, then its offline image if it has one. */
    public static RuntimeCatalog defaults() {
        var images = new LinkedHashMap<String, RuntimeImage>();
        for (var runtime : ManagedRuntime.values()) {
            var candidates = new ArrayList<String>();
            candidates.add(runtime.officialImage());
            runtime.offlineImage().ifPresent(candidates::add);
            images.put(runtime.fileName(), new RuntimeImage(runtime.fileName(), candidates, runtime.hostCommand()));
        }
        return new RuntimeCatalog(images);
    }

    /**
     * The defaults with the overrides of a {@code .properties} file applied (see
     * {@link #withOverrides(Map)}); a missing file gives the defaults.
     *
     * @throws IllegalArgumentException naming the file and the key when a key is not a runtime
     *                                  name or a value lists no image
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
     * A copy with some runtimes' candidates replaced; the host commands stay.
     *
     * @param overrides runtime name → comma-separated image references, most preferred first
     * @throws IllegalArgumentException when a key is not a runtime name or a value lists no image
     */
    public RuntimeCatalog withOverrides(Map<String, String> overrides) {
        var copy = new LinkedHashMap<>(images);
        for (var entry : new TreeMap<>(overrides).entrySet()) {
            var runtime = entry.getKey().strip();
            var current = images.get(runtime);
            if (current == null) {
                throw new IllegalArgumentException("unknown runtime \"" + entry.getKey()
                        + "\"; use one of " + String.join(", ", ManagedRuntime.fileNames()));
            }
            var candidates = parseImages(entry.getValue());
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException(runtime + ": no image given; list one or more images, "
                        + "e.g. " + runtime + "=" + current.candidates().get(0));
            }
            copy.put(runtime, new RuntimeImage(runtime, candidates, current.hostCommand()));
        }
        return new RuntimeCatalog(copy);
    }

    /** The images for a runtime name as written in apprunner.yaml, or empty if unknown. */
    public Optional<RuntimeImage> lookup(String runtime) {
        return Optional.ofNullable(images.get(runtime));
    }

    /** Every runtime name the catalog knows. */
    public Set<String> runtimes() {
        return images.keySet();
    }

    private static List<String> parseImages(String value) {
        return Arrays.stream(value.split(IMAGE_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
