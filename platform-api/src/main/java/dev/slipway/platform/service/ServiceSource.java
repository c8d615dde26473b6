package dev.slipway.platform.service;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a service's code or image comes from.
 *
 * @param type            how new versions arrive
 * @param url             the repository URL ({@link Type#GIT})
 * @param branch          the branch that deploys ({@link Type#GIT}, {@link Type#GIT_PUSH})
 * @param sourceDirectory the project's directory inside the repository, "" for the root
 * @param image           the image reference ({@link Type#IMAGE})
 */
public record ServiceSource(Type type, Optional<String> url, String branch, String sourceDirectory,
                            Optional<String> image) {

    /** The branch that deploys when none is given. */
    public static final String DEFAULT_BRANCH = "main";

    /** How new versions of a service arrive. */
    public enum Type {
        /** Pushed to Slipway's own git server. */
        GIT_PUSH,
        /** Fetched from a git repository URL. */
        GIT,
        /** A container image, run as is. */
        IMAGE;

        /** The name used in the API and the database: {@code git-push}, {@code git}, {@code image}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Optional<Type> fromWireName(String name) {
            for (var type : values()) {
                if (type.wireName().equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    public static ServiceSource gitPush() {
        return new ServiceSource(Type.GIT_PUSH, Optional.empty(), DEFAULT_BRANCH, "", Optional.empty());
    }
}
