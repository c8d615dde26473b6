package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RouteSwapIT {

    private static final int CLIENTS = 4;
    private static final int SWAPS = 60;
    private static final int REQUESTS_BETWEEN_SWAPS = 5;
    private static final int REQUESTS_AFTER_LAST_SWAP = 200;
    private static final int REDEPLOYS = 15;

    private record Outcome(long sentAt, int status, String backend, String error) {
    }

    private final TestBackend blue = TestBackend.start("blue");
    private final TestBackend green = TestBackend.start("green");
    private final Router router = Router.start(RouterOptions.onPort(0));
    private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

    @AfterEach
    void stop() {
        clients.shutdownNow();
        router.close();
        blue.close();
        green.close();
    }

    @Test
    void swapsTablesUnderLoadWithoutFailingARequest() throws Exception {
        RouteTable toBlue = RouteTable.of(List.of(Route.of("app.localhost", blue.address())));
        RouteTable toGreen = RouteTable.of(List.of(Route.of("app.localhost", green.address())));
        router.publish(toBlue);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            loops.add(clients.submit(() -> hammer(running, completed, outcomes)));
        }

        for (int swap = 0; swap < SWAPS; swap++) {
            int before = completed.get();
            router.publish(swap % 2 == 0 ? toGreen : toBlue);
            await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() >= before + REQUESTS_BETWEEN_SWAPS);
        }
        router.publish(toGreen);
        long lastSwap = System.nanoTime();
        int beforeEnd = completed.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> completed.get() >= beforeEnd + REQUESTS_AFTER_LAST_SWAP);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.error()).isNull();
            assertThat(outcome.status()).isEqualTo(200);
        });
        assertThat(outcomes).filteredOn(outcome -> outcome.sentAt() > lastSwap)
                .hasSizeGreaterThanOrEqualTo(REQUESTS_AFTER_LAST_SWAP - CLIENTS)
                .allSatisfy(outcome -> assertThat(outcome.backend()).isEqualTo("green"));
        assertThat(outcomes).extracting(Outcome::backend).contains("blue", "green");
        await().untilAsserted(() -> assertThat(router.inFlight(blue.address())).isZero());
    }

    @Test
    void redeploysRepeatedlyUnderLoadWithoutFailingARequest() throws Exception {
        List<TestBackend> generations = new ArrayList<>();
        TestBackend current = TestBackend.start("generation-0");
        generations.add(current);
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", current.address()))));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger completed = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Future<?>> loops = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            loops.add(clients.submit(() -> hammer(running, completed, outcomes)));
        }
        try {
            for (int generation = 1; generation <= REDEPLOYS; generation++) {
                int before = completed.get();
                await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() >= before + REQUESTS_BETWEEN_SWAPS);
                TestBackend next = TestBackend.start("generation-" + generation);
                generations.add(next);
                router.publish(RouteTable.of(List.of(Route.of("app.localhost", next.address()))));
                assertThat(router.awaitDrained(current.address(), Duration.ofSeconds(10))).isTrue();
                current.close();
                current = next;
            }
            int beforeEnd = completed.get();
            await().atMost(Duration.ofSeconds(10)).until(() -> completed.get() >= beforeEnd + REQUESTS_BETWEEN_SWAPS);
        } finally {
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get();
            }
            generations.forEach(TestBackend::close);
        }

        assertThat(outcomes).hasSizeGreaterThan(REDEPLOYS * REQUESTS_BETWEEN_SWAPS).allSatisfy(outcome -> {
            assertThat(outcome.error()).isNull();
            assertThat(outcome.status()).isEqualTo(200);
        });
    }

    private void hammer(AtomicBoolean running, AtomicInteger completed, ConcurrentLinkedQueue<Outcome> outcomes) {
        while (running.get()) {
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> response = TestClient.get(router.port(), "app.localhost");
                outcomes.add(new Outcome(sentAt, response.statusCode(), response.body(), null));
            } catch (Exception e) {
                outcomes.add(new Outcome(sentAt, 0, null, e.toString()));
            }
            completed.incrementAndGet();
        }
    }
}
