package dev.slipway.build.image;

import dev.slipway.build.plan.BuildPlan;

/**
 * Turns a build plan into a runnable artifact: a container image, or a prepared directory for
 * local processes. Blocks until the build ends; streams every output line to the log as it comes.
 */
public interface ImageBuilder {

    /**
     * @throws BuildFailedException    when a build command fails, the build times out or the base
     *                                 image is missing; the message names the failing command, its
     *                                 exit code and last lines, or the time limit
     * @throws BuildCancelledException when the building thread is interrupted; what the build
     *                                 started has been stopped by then
     */
    Artifact build(BuildPlan plan, BuildLog log);
}
