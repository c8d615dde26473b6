package dev.slipway.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.Route;
import dev.slipway.router.RouteStateFile;
import dev.slipway.router.RouteTable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The router as its own OS process, started, adopted and restarted by Slipway on free ports. */
class RouterProcessIT extends RouteTablePublisherContract {

    private static final SlipwayProperties.Router SETTINGS =
            new SlipwayProperties.Router(SlipwayProperties.RouterMode.PROCESS, 0, "127.0.0.1", 0, 256, "");

    private final List<ProcessHandle> routers = new CopyOnWriteArrayList<>();

    @Override
    protected RouteTablePublisher open(Path directory) {
        RouterProcess publisher = RouterProcess.supervised(SETTINGS, directory, Map.of());
        routers.add(publisher.process());
        return publisher;
    }

    /** Kills every router the test started, including ones the supervisor started again. */
    @Override
    protected void cleanUp() {
        RouterRecord.read(home.resolve("router").resolve(RouterRecord.FILE_NAME))
                .flatMap(RouterRecord::process).ifPresent(routers::add);
        for (ProcessHandle router : routers) {
            router.destroyForcibly();
            router.onExit().join();
        }
    }

    @Test
    void aRestartedSlipwayAdoptsTheRunningRouterAndNoRequestFails() throws Exception {
        RouterProcess first = (RouterProcess) publisher();
        TestBackend slow = backend("slow");
        first.publish(RouteTable.of(List.of(Route.of("hello.localhost", backend("blue").address()),
                Route.of("slow.localhost", slow.address()))));
        slow.hold();
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> AppClient.attempt(first.port(), "slow.localhost"));
        await().atMost(Duration.ofSeconds(30)).until(() -> slow.waiting() == 1);
        try (Load load = new Load(first.port(), "hello.localhost")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= 20);

            RouterProcess second = (RouterProcess) restart(first);

            assertThat(second.process().pid()).as("the adopted router's pid").isEqualTo(first.process().pid());
            assertThat(second.port()).isEqualTo(first.port());
            int before = load.succeeded();
            await().atMost(Duration.ofSeconds(30)).until(() -> load.succeeded() >= before + 20);
            slow.release();
            assertThat(held.get(30, TimeUnit.SECONDS)).as("the request in flight during the restart").isEqualTo("200 slow");
            load.close();
            assertThat(load.failures()).isEmpty();
        }
    }

    @Test
    void aKilledRouterIsStartedAgainAndServesItsRoutes() throws Exception {
        RouterProcess router = (RouterProcess) publisher();
        router.publish(serving("hello", backend("blue")));
        ProcessHandle killed = router.process();

        long began = System.nanoTime();
        killed.destroyForcibly();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> AppClient.attempt(router.port(), "hello.localhost").equals("200 blue"));
        long recovered = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        System.out.println("Router killed with SIGKILL served again after " + recovered + " ms");

        assertThat(router.process().pid()).isNotEqualTo(killed.pid());
        assertThat(killed.isAlive()).isFalse();
    }

    @Test
    void aTablePublishedWhileTheRouterIsDownIsServedOnceItIsBack() throws Exception {
        RouterProcess router = (RouterProcess) publisher();
        router.publish(serving("hello", backend("blue")));
        ProcessHandle killed = router.process();
        killed.destroyForcibly();
        killed.onExit().get(10, TimeUnit.SECONDS);

        RouteTable table = serving("other", backend("green"));
        router.publish(table);

        assertThat(RouteStateFile.read(home.resolve("router/routes.json")).routes()).isEqualTo(table.routes());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> AppClient.attempt(router.port(), "other.localhost").equals("200 green"));
        assertThat(AppClient.get(router.port(), "hello.localhost").statusCode()).isEqualTo(404);
    }

    @Test
    void theRouterRunsInItsOwnSessionWithAPrivateToken() throws Exception {
        RouterProcess router = (RouterProcess) publisher();
        ProcessHandle process = router.process();

        assertThat(session(process.pid())).as("the router's session").isNotEqualTo(session(ProcessHandle.current().pid()));
        assertThat(process.info().command().orElseThrow()).endsWith("java");
        Path token = home.resolve("router/control-token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(process.info().arguments().map(List::of).orElse(List.of()))
                .doesNotContain(Files.readString(token).strip());
    }

    @Test
    void anExternalRouterIsUsedButNeverStarted() throws Exception {
        RouterProcess supervised = (RouterProcess) publisher();
        RouterRecord record = RouterRecord.read(home.resolve("router/router.json")).orElseThrow();
        var settings = new SlipwayProperties.Router(SlipwayProperties.RouterMode.EXTERNAL, 0, "127.0.0.1",
                record.controlPort(), 256, "");
        try (RouterProcess external = RouterProcess.external(settings, home.resolve("router"), Map.of())) {
            external.publish(serving("hello", backend("blue")));

            assertThat(external.port()).isEqualTo(supervised.port());
            assertThat(external.process()).isNull();
            assertThat(AppClient.get(external.port(), "hello.localhost").body()).isEqualTo("blue");
        }
    }

    @Test
    void aTakenPortStopsTheStartWithTheRoutersOwnReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var settings = new SlipwayProperties.Router(SlipwayProperties.RouterMode.PROCESS, taken.getLocalPort(),
                    "127.0.0.1", 0, 256, "");

            assertThatThrownBy(() -> RouterProcess.supervised(settings, home.resolve("router"), Map.of()))
                    .isInstanceOf(RouterUnavailableException.class)
                    .hasMessageContaining("The router exited at start with status 1")
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("SLIPWAY_ROUTER_PORT");
        }
    }

    private static String session(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses: state, ppid, pgrp, session.
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3];
    }

    /** Requests sent back to back by two clients until closed, each failure recorded. */
    private static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger succeeded = new AtomicInteger();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final List<Thread> clients = new ArrayList<>();

        Load(int port, String host) {
            for (int i = 0; i < 2; i++) {
                Thread client = new Thread(() -> {
                    while (running.get()) {
                        String reply = AppClient.attempt(port, host);
                        if (reply.startsWith("200 ")) {
                            succeeded.incrementAndGet();
                        } else {
                            failures.add(reply);
                        }
                    }
                }, "load-" + i);
                client.start();
                clients.add(client);
            }
        }

        int succeeded() {
            return succeeded.get();
        }

        List<String> failures() {
            return List.copyOf(failures);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
    }
}
