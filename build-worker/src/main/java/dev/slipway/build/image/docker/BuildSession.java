package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.SecretMask;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.build.plan.BuildPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One build as it runs: its plan, log and deadline, and what it did so far (for the report).
 * Confined to the building thread.
 */
final class BuildSession {

    private final BuildPlan plan;
    private final BuildLog log;
    private final BuildLimits limits;
    private final long deadline;
    private final SecretMask mask;
    private final List<BuildReport.Step> steps = new ArrayList<>();
    private int commandsRun;
    private Optional<String> buildKey = Optional.empty();
    private Optional<String> modelImageId = Optional.empty();
    private Optional<String> modelLayer = Optional.empty();
    private Optional<DependencyUse> dependencies = Optional.empty();
    private final Map<String, String> runtimeImage = new LinkedHashMap<>();

    /** @param otherSecrets values masked in the log besides the plan's secrets, e.g. a proxy's password */
    BuildSession(BuildPlan plan, BuildLog log, BuildLimits limits, Collection<String> otherSecrets) {
        this.plan = plan;
        this.log = log;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
        var secrets = new ArrayList<>(StoreAccess.secretValues(plan.secretEnvironment()));
        secrets.addAll(otherSecrets);
        this.mask = new SecretMask(secrets);
    }

    BuildPlan plan() {
        return plan;
    }

    BuildLimits limits() {
        return limits;
    }

    SecretMask mask() {
        return mask;
    }

    /** The raw log; command output goes through {@link #mask()} first. */
    BuildLog log() {
        return log;
    }

    void log(BuildPhase phase, String line) {
        log.line(phase.label(), mask.apply(line));
    }

    /** The time left before the build's deadline; zero or negative once it passed. */
    Duration remaining() {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    /**
     * @throws BuildCancelledException when the building thread was interrupted
     * @throws BuildFailedException    when the deadline passed
     */
    void checkpoint(String next) {
        if (Thread.currentThread().isInterrupted()) {
            throw new BuildCancelledException("the build was cancelled before " + next);
        }
        if (remaining().isNegative() || remaining().isZero()) {
            throw BuildFailedException.timedOut(limits.timeout(), next);
        }
    }

    /** Records a finished stage that started at {@code startNanos} ({@link System#nanoTime()}). */
    void stage(BuildReport.Stage stage, long startNanos, boolean reused) {
        steps.add(new BuildReport.Step(stage, Duration.ofNanos(System.nanoTime() - startNanos), reused));
    }

    void commandRan() {
        commandsRun++;
    }

    void buildKey(String key) {
        buildKey = Optional.of(key);
    }

    Optional<String> buildKey() {
        return buildKey;
    }

    void models(String imageId) {
        modelImageId = Optional.of(imageId);
    }

    void modelLayer(String layer) {
        modelLayer = Optional.of(layer);
    }

    /** The image the app runs on and what it carries, for the final image's labels. */
    void runtimeImage(String reference, Optional<String> carries) {
        runtimeImage.put(BuildLabels.RUNTIME_IMAGE, reference);
        carries.ifPresent(text -> runtimeImage.put(BuildLabels.RUNTIME_IMAGE_CARRIES, text));
    }

    Map<String, String> runtimeImageLabels() {
        return runtimeImage;
    }

    void dependencies(DependencyUse use) {
        dependencies = Optional.of(use);
    }

    BuildReport report(String imageId, long imageSize) {
        var digest = plan.models().isEmpty() ? Optional.<String>empty() : Optional.of(plan.models().digest());
        return new BuildReport(steps, buildKey, digest, modelImageId, modelLayer, imageId, imageSize, commandsRun,
                dependencies);
    }
}
