package dev.slipway.platform.runtime.process;

import dev.slipway.build.image.process.ProcessImageBuilder;
import dev.slipway.platform.runtime.ArtifactCollector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** Removes old deployments' prepared app directories under {@code $SLIPWAY_HOME/builds/<service>}. */
public final class ProcessArtifactCollector implements ArtifactCollector {

    private final ProcessImageBuilder builder;
    private final Path buildsDirectory;

    public ProcessArtifactCollector(ProcessImageBuilder builder, Path buildsDirectory) {
        this.builder = builder;
        this.buildsDirectory = buildsDirectory;
    }

    @Override
    public void keepOnly(String service, Set<String> deploymentIds) {
        var serviceDirectory = buildsDirectory.resolve(service);
        if (!Files.isDirectory(serviceDirectory)) {
            return;
        }
        try (var entries = Files.list(serviceDirectory)) {
            for (var deployment : entries.map(p -> p.getFileName().toString()).toList()) {
                if (!deploymentIds.contains(deployment)) {
                    builder.delete(service, deployment);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void forget(String service) {
        keepOnly(service, Set.of());
        try {
            Files.deleteIfExists(buildsDirectory.resolve(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
