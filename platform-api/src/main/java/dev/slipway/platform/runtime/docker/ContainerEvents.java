package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One connection to Docker's event stream, for the ends of Slipway's containers ({@code die},
 * {@code oom}, {@code destroy}). Reports its break once, unless it was abandoned.
 */
final class ContainerEvents extends ResultCallback.Adapter<Event> {

    private final Consumer<Event> events;
    private final BiConsumer<ContainerEvents, Throwable> broken;
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile boolean abandoned;
    private volatile boolean working;

    /**
     * @param events gets each event, on the stream's thread
     * @param broken learns that the stream broke or ended, once
     */
    ContainerEvents(Consumer<Event> events, BiConsumer<ContainerEvents, Throwable> broken) {
        this.events = events;
        this.broken = broken;
    }

    /**
     * Subscribes and waits until Docker answered: it subscribes before it answers, so from then on
     * no end goes unseen.
     */
    void open(DockerClient streams, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        streams.eventsCmd()
                .withEventTypeFilter(EventType.CONTAINER)
                .withLabelFilter(Map.of(DockerContainerRuntime.LABEL_MANAGED, "true"))
                .withEventFilter("die", "oom", "destroy")
                .exec(this);
        try {
            opened.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Whether it delivered what Docker sent until it broke, so connecting again at once is worth it. */
    boolean working() {
        return working;
    }

    /** It is followed: what happened before it opened was looked up. */
    void markWorking() {
        working = true;
    }

    /** Stops reading without reporting a break. */
    void abandon() {
        abandoned = true;
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // Closing a broken stream: nothing more to read either way.
        }
    }

    @Override
    public void onStart(Closeable stream) {
        super.onStart(stream);
        opened.complete(null);
    }

    @Override
    public void onNext(Event event) {
        if (!abandoned) {
            events.accept(event);
        }
    }

    @Override
    public void onError(Throwable failure) {
        ended(failure);
    }

    @Override
    public void onComplete() {
        ended(new IOException("Docker ended the event stream"));
    }

    private void ended(Throwable failure) {
        opened.completeExceptionally(failure);
        if (!abandoned) {
            broken.accept(this, failure);
        }
    }
}
