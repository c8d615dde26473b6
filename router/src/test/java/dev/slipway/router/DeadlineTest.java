package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.DefaultEventLoop;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private final EventLoop loop = new DefaultEventLoop();
    private final Deadline deadline = new Deadline(loop);
    private final AtomicLong firedAt = new AtomicLong();
    private final Runnable action = () -> firedAt.set(System.nanoTime());

    @AfterEach
    void stop() {
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    @Test
    void firesAtTheLaterTimeWhenMovedLater() throws Exception {
        long start = System.nanoTime();
        onLoop(() -> deadline.set(start + millis(100), action));
        onLoop(() -> deadline.set(start + millis(400), action));

        await().atMost(Duration.ofSeconds(5)).until(() -> firedAt.get() != 0);

        assertThat(firedAt.get() - start).isGreaterThanOrEqualTo(millis(400));
    }

    @Test
    void firesAtTheEarlierTimeWhenMovedEarlier() throws Exception {
        long start = System.nanoTime();
        onLoop(() -> deadline.set(start + millis(60_000), action));
        onLoop(() -> deadline.set(start + millis(100), action));

        await().atMost(Duration.ofSeconds(5)).until(() -> firedAt.get() != 0);

        assertThat(firedAt.get() - start).isBetween(millis(100), millis(30_000));
    }

    @Test
    void doesNotFireOnceClearedByItsOwnerButIgnoresAStaleOwner() throws Exception {
        long start = System.nanoTime();
        AtomicLong other = new AtomicLong();
        Runnable stale = () -> other.set(System.nanoTime());
        onLoop(() -> deadline.set(start + millis(50), stale));
        onLoop(() -> deadline.set(start + millis(100), action));
        onLoop(() -> deadline.clear(stale));

        await().atMost(Duration.ofSeconds(5)).until(() -> firedAt.get() != 0);
        onLoop(() -> deadline.set(System.nanoTime() + millis(50), stale));
        onLoop(() -> deadline.clear(stale));

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> other.get() == 0);
    }

    private void onLoop(Runnable task) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            task.run();
            done.complete(null);
        });
        done.get(5, TimeUnit.SECONDS);
    }

    private static long millis(long value) {
        return TimeUnit.MILLISECONDS.toNanos(value);
    }
}
