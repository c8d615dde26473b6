package dev.slipway.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load's clients against a stand-in for the router that answers /info as hello-python does. */
class ScaleLoadTest {

    private final AtomicReference<String> instance = new AtomicReference<>("\"port\": \"8080\", \"host\": \"a\"");
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/info", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            var refused = refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            var body = (refused ? "busy" : "{\"version\": \"1\", " + instance.get() + "}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(refused ? 503 : 200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    @Test
    void countsRequestsByPhaseAndTimesTheFirstAnswerOfANewInstance() throws Exception {
        try (var load = new ScaleLoad(server.getAddress().getPort(), "step.localhost")) {
            var record = load.record();
            load.grow(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> record.latencies(ScaleRecord.Phase.BEFORE).size() >= 5);
            var step = System.nanoTime();
            load.phase(ScaleRecord.Phase.DURING);
            load.grow(6);
            await().atMost(Duration.ofSeconds(10)).until(() -> record.latencies(ScaleRecord.Phase.DURING).size() >= 5);
            var newInstance = System.nanoTime();
            instance.set("\"port\": \"8080\", \"host\": \"b\"");
            await().atMost(Duration.ofSeconds(10)).until(() -> record.instancesSeen() == 2);
            var seen = System.nanoTime();
            load.phase(ScaleRecord.Phase.AFTER);
            load.shrink(2);
            refuseNext.set(3);
            await().atMost(Duration.ofSeconds(10)).until(() -> record.totalFailed() == 3
                    && !record.latencies(ScaleRecord.Phase.AFTER).isEmpty());
            load.close();

            var interval = record.drain();
            assertThat(interval.completed()).isEqualTo(record.totalCompleted()).isPositive();
            assertThat(record.totalFailed()).isEqualTo(interval.failed()).isEqualTo(3);
            assertThat(record.failureSamples()).hasSize(3).allSatisfy(f -> assertThat(f).isEqualTo("503 busy"));
            assertThat(record.drain()).isEqualTo(new ScaleRecord.Interval(0, 0));
            for (var phase : ScaleRecord.Phase.values()) {
                assertThat(record.latencies(phase)).as(phase.name()).isNotEmpty()
                        .allSatisfy(seconds -> assertThat(seconds).isBetween(0.0, 1.0));
            }
            assertThat(record.instancesSeen()).isEqualTo(2);
            assertThat(record.secondsToNewInstance(step)).as("from the step to the new instance's first answer")
                    .isBetween((newInstance - step) / 1e9, (seen - step) / 1e9);
            assertThat(record.secondsToNewInstance(System.nanoTime())).isNaN();
            assertThat(hosts).containsExactly("step.localhost");
        }
    }

    @Test
    void anInstanceIsItsPortAndHostName() {
        assertThat(ScaleRecord.instance("{\"version\": \"1\", \"port\": \"8123\", \"host\": \"3f2a\"}\n"))
                .isEqualTo("8123@3f2a");
        assertThat(ScaleRecord.instance("{\"version\": \"1\", \"port\": \"8123\"}")).isEqualTo("8123@?");
        assertThat(ScaleRecord.instance("not json")).isEqualTo("not json");
    }
}
