package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One classic-builder build: the context tar streams into the request, output goes to a
 * {@link BuildOutput}, and failures become {@link BuildFailedException}s naming the step. Success
 * is judged by the absence of an error in the stream, never by the "Successfully built" text,
 * which build commands print too. The build gets the time left before the session's deadline;
 * when it runs out, or the thread is interrupted, the request is closed, which makes the daemon
 * abandon the build.
 */
final class ContextBuild {

    private static final Pattern EXIT_CODE = Pattern.compile("returned a non-zero code: (\\d+)");
    private static final String REFUSED = "the Docker daemon refused the build: ";

    private final DockerClients clients;

    ContextBuild(DockerClients clients) {
        this.clients = clients;
    }

    /**
     * @param extraLabels labels the daemon adds in a last step of its own, for Dockerfiles that do
     *                    not set them
     * @param limits      CPU and memory limits for the containers of {@code RUN} steps, when the
     *                    Dockerfile has any
     */
    void run(ContextTar context, String dockerfilePath, String tag, Map<String, String> extraLabels,
            BuildOutput output, BuildSession session, Optional<BuildLimits> limits) {
        run(context, dockerfilePath, tag, extraLabels, output, session, limits, Map.of());
    }

    /**
     * {@link #run(ContextTar, String, String, Map, BuildOutput, BuildSession, Optional)} with build
     * arguments, e.g. Docker's predefined proxy arguments, which stay out of the image's history.
     */
    void run(ContextTar context, String dockerfilePath, String tag, Map<String, String> extraLabels,
            BuildOutput output, BuildSession session, Optional<BuildLimits> limits, Map<String, String> buildArgs) {
        var callback = new BuildCallback(output);
        Optional<Exception> writerError;
        try (var pipe = new ContextPipe(context, tag); callback) {
            var command = clients.streaming().buildImageCmd()
                    .withTarInputStream(pipe.input())
                    .withDockerfilePath(dockerfilePath)
                    .withTags(Set.of(tag))
                    .withRemove(true)
                    .withForcerm(true);
            if (!extraLabels.isEmpty()) {
                command.withLabels(extraLabels);
            }
            buildArgs.forEach(command::withBuildArg);
            limits.ifPresent(l -> command.withMemory(l.memoryBytes()).withMemswap(l.memoryBytes())
                    .withCpusetcpus(cpuSet(l.cpus(), clients.hostCpus())));
            command.exec(callback);
            var remaining = session.remaining();
            // Leaving this block closes the callback, which makes the daemon abandon a build still running.
            if (remaining.isNegative() || !callback.awaitCompletion(remaining.toMillis(), TimeUnit.MILLISECONDS)) {
                throw timedOut(output, session);
            }
            writerError = pipe.error();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildCancelledException("the build was cancelled at `" + output.instruction() + "`", e);
        } catch (IOException e) {
            throw new BuildFailedException("the build stream failed: " + e.getMessage(), e);
        } catch (BuildFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BuildFailedException(REFUSED + DaemonErrors.message(e), e);
        } finally {
            output.finish();
        }
        if (callback.streamError().isPresent()) {
            throw failed(callback.streamError().get(), output, writerError);
        }
        if (callback.failure().isPresent()) {
            var failure = callback.failure().get();
            throw new BuildFailedException(REFUSED + DaemonErrors.message(failure), failure);
        }
        writerError.ifPresent(e -> {
            throw new BuildFailedException("cannot send the build context: " + e.getMessage(), e);
        });
    }

    /** The first {@code cpus} CPUs (rounded up, at most all of them), e.g. {@code 0-1}. */
    static String cpuSet(double cpus, int hostCpus) {
        var count = Math.max(1, Math.min(hostCpus, (int) Math.ceil(cpus)));
        return count == 1 ? "0" : "0-" + (count - 1);
    }

    private static BuildFailedException timedOut(BuildOutput output, BuildSession session) {
        var step = output.step();
        var timeout = session.limits().timeout();
        return step.command().isPresent()
                ? BuildFailedException.timedOut(step.phase().label(), step.command().get(), timeout,
                        output.recentLines())
                : BuildFailedException.timedOut(timeout, "building an image at `" + output.instruction() + "`");
    }

    private static BuildFailedException failed(String error, BuildOutput output, Optional<Exception> writerError) {
        var step = output.step();
        var phase = step.phase().label();
        var exitCode = exitCode(error);
        if (step.command().isPresent() && exitCode.isPresent()) {
            return BuildFailedException.commandFailed(phase, step.command().get(), exitCode.get(),
                    output.recentLines());
        }
        var failure = new BuildFailedException("build failed in the " + phase + " phase at `" + output.instruction()
                + "`: " + error.strip() + "\n" + BuildFailedException.quote(output.recentLines()));
        writerError.ifPresent(failure::addSuppressed);
        return failure;
    }

    /** The exit code in the classic builder's "The command '...' returned a non-zero code: N". */
    static Optional<Integer> exitCode(String error) {
        var matcher = EXIT_CODE.matcher(error);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }
}
