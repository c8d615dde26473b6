package dev.slipway.config.project;

/** How a project is built, decided by the files in its source directory. */
public enum ProjectKind {
    /** An {@code apprunner.yaml} names the runtime and the commands. */
    APPRUNNER_YAML,
    /** A {@code Dockerfile} builds as is. */
    DOCKERFILE,
    /**
     * A {@code Makefile} gives the build and start commands (a {@code Procfile} next to it may give
     * the start command); marker files choose the runtime.
     */
    MAKEFILE,
    /**
     * A {@code Procfile}'s {@code web} line gives the start command; marker files choose the
     * runtime and the language's usual install command builds.
     */
    PROCFILE
}
