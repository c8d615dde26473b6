package dev.slipway.build.image.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Docker volume per service holding package managers' download caches, mounted into build
 * containers at {@link Layout#DEPENDENCY_CACHE_DIRECTORY} and never committed: re-installing
 * unchanged dependencies after a code change reads them from there instead of the network.
 * The usual tools find it through their environment variables, which {@code build.env} can
 * override. Maven's local repository and Go's module cache live there too, so an app that needs
 * them at run time (e.g. started with {@code mvn exec:java}) must copy what it needs into
 * {@code /app} while building.
 */
final class DependencyCache {

    /** Volume names are this plus the service name. */
    static final String VOLUME_PREFIX = "slipway-deps-";

    private static final String ROOT = Layout.DEPENDENCY_CACHE_DIRECTORY;
    /** Each tool's cache setting, pointed into the volume. */
    static final Map<String, String> ENVIRONMENT = environment();

    private final DockerClients clients;

    DependencyCache(DockerClients clients) {
        this.clients = clients;
    }

    static String volumeName(String service) {
        return VOLUME_PREFIX + service;
    }

    /** Creates the service's volume unless it exists; returns its name. */
    String ensure(String service) {
        var name = volumeName(service);
        try {
            clients.control().inspectVolumeCmd(name).exec();
            return name;
        } catch (NotFoundException e) {
            // Created below.
        }
        clients.control().createVolumeCmd().withName(name).withLabels(Map.of(
                BuildLabels.MANAGED, BuildLabels.TRUE,
                BuildLabels.KIND, ImageKind.DEPENDENCY_CACHE.label(),
                BuildLabels.SERVICE, service)).exec();
        return name;
    }

    /**
     * Removes the service's volume, e.g. when the service is deleted.
     *
     * @return false when a build container still uses it (it stays)
     */
    boolean remove(String service) {
        try {
            clients.control().removeVolumeCmd(volumeName(service)).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    private static Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("PIP_CACHE_DIR", ROOT + "/pip");
        env.put("npm_config_cache", ROOT + "/npm");
        // Without it npm asks the registry whether each cached package is still current.
        env.put("npm_config_prefer_offline", "true");
        // npm writes a debug log per run into its cache directory by default; keep the cache for packages.
        env.put("npm_config_logs_max", "0");
        env.put("YARN_CACHE_FOLDER", ROOT + "/yarn");
        env.put("MAVEN_OPTS", "-Dmaven.repo.local=" + ROOT + "/m2");
        env.put("GOMODCACHE", ROOT + "/go/mod");
        env.put("GOCACHE", ROOT + "/go/build");
        env.put("GRADLE_USER_HOME", ROOT + "/gradle");
        env.put("COMPOSER_CACHE_DIR", ROOT + "/composer");
        env.put("BUNDLE_USER_CACHE", ROOT + "/bundler");
        return Map.copyOf(env);
    }
}
