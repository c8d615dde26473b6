package dev.slipway.config.project;

/**
 * Decides how a source directory builds: {@code apprunner.yaml} first, then a
 * {@code Dockerfile}, then a {@code Makefile}.
 */
public final class ProjectDetector {

    private ProjectDetector() {
    }

    /**
     * @param files       the source directory's files
     * @param displayPath how problems name the directory's files, e.g. "" or "services/api/"
     */
    public static DetectedProject detect(ProjectFiles files, String displayPath) {
        throw new UnsupportedOperationException("not yet");
    }
}
