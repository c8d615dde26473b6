package dev.slipway.config.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * What an image the default catalog names carries, for messages: the offline images in detail
 * (see {@link OfflineImage}), the official language images by repository, in general terms.
 */
final class ImageDescriptions {

    private static final Map<String, String> OFFICIAL = Map.of(
            "python", "the official Python image with python3, pip, venv",
            "node", "the official Node.js image with node, npm, yarn",
            "maven", "the official Maven image with java, javac, mvn",
            "amazoncorretto", "Amazon Corretto on Amazon Linux with java, javac (no Maven or Gradle)",
            "golang", "the official Go image with go, gofmt, git",
            "ruby", "the official Ruby image with ruby, gem, bundle",
            "php", "the official PHP image with php (no composer)",
            "mcr.microsoft.com/dotnet/sdk", "the .NET SDK image with dotnet");
    private static final String DOCKER_HUB = "docker.io/";
    private static final String OFFICIAL_NAMESPACE = "library/";

    private ImageDescriptions() {
    }

    static Optional<String> describe(String reference) {
        var offline = OfflineImage.of(reference);
        if (offline.isPresent()) {
            return Optional.of(offline.get().description());
        }
        return Optional.ofNullable(OFFICIAL.get(repository(reference)));
    }

    /** {@code docker.io/library/python:3.11-slim} → {@code python}. */
    private static String repository(String reference) {
        var name = reference.strip();
        var digest = name.indexOf('@');
        if (digest >= 0) {
            name = name.substring(0, digest);
        }
        var colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            name = name.substring(0, colon);
        }
        if (name.startsWith(DOCKER_HUB)) {
            name = name.substring(DOCKER_HUB.length());
        }
        return name.startsWith(OFFICIAL_NAMESPACE) ? name.substring(OFFICIAL_NAMESPACE.length()) : name;
    }
}
