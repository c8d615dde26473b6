package dev.slipway.build.image.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.util.Optional;

/**
 * Feeds a build's stream texts to its {@link BuildOutput} and keeps the first error: one the
 * daemon reports in the stream (a failed step), or a refused request, which is kept here instead
 * of being logged as docker-java does by default.
 */
final class BuildCallback extends ResultCallback.Adapter<BuildResponseItem> {

    private final BuildOutput output;
    private volatile String streamError;
    private volatile Throwable failure;

    BuildCallback(BuildOutput output) {
        this.output = output;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        if (item.getStream() != null) {
            output.accept(item.getStream());
        }
        if (streamError != null) {
            return;
        }
        if (item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null) {
            streamError = item.getErrorDetail().getMessage();
        } else if (item.getError() != null) {
            streamError = item.getError();
        }
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        closeQuietly(this);
    }

    /** The daemon's message for a step that failed, e.g. "The command '...' returned a non-zero code: 2". */
    Optional<String> streamError() {
        return Optional.ofNullable(streamError);
    }

    /** Why the request itself failed, e.g. an unparsable Dockerfile or a lost connection. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    static void closeQuietly(ResultCallback.Adapter<?> callback) {
        try {
            callback.close();
        } catch (IOException e) {
            // Closing only ends the response stream; the result is already decided.
        }
    }
}
