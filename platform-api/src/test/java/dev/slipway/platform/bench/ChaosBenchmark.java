package dev.slipway.platform.bench;

import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SlipwayApi;
import dev.slipway.platform.support.SlipwayProcess;
import dev.slipway.platform.support.SteadyLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;

/**
 * {@code make bench-chaos}: Slipway as {@code make run} starts it (control plane and router as two
 * processes), the hello example with two instances under steady load from four clients, and one
 * fault at a time: an instance killed (SIGKILL), the control plane killed and started again, the
 * router killed, and a crash-looping service next to it. Prints requests sent and failed and the
 * seconds until things were whole again, per fault and runtime, with the targets.
 */
public final class ChaosBenchmark {

    private static final Duration STEADY = Duration.ofSeconds(5);
    private static final Duration CONTROL_PLANE_DOWN = Duration.ofSeconds(5);
    private static final String CRASHING = "command: timeout 1 python3 app.py; exit 1";
    private final List<Row> rows = new ArrayList<>();

    /** One line of the table. */
    record Row(String runtime, String fault, int sent, int failed, double recoverySeconds, String target, boolean met) {
    }

    public static void main(String[] args) throws Exception {
        var bench = new ChaosBenchmark();
        for (var runtime : BenchRuntimes.available()) {
            bench.run(runtime);
        }
        bench.print();
        System.exit(bench.rows.stream().allMatch(Row::met) ? 0 : 1);
    }

    private void run(String runtime) throws Exception {
        var home = Files.createTempDirectory("slipway-chaos-" + runtime);
        var work = Files.createTempDirectory("slipway-chaos-app");
        var ports = SlipwayProcess.Ports.free();
        System.out.printf("%n== %s runtime, Slipway home %s%n", runtime, home);
        var slipway = SlipwayProcess.start(home, runtime, ports);
        try {
            var api = slipway.api();
            api.createService("chaos");
            var app = AppRepository.fromExample("hello-python", work.resolve("chaos"))
                    .edit("apprunner.yaml", "\nrun:", "\nslipway:\n  scaling:\n    min-instances: 2\nrun:");
            app.commit("Two instances");
            require(app.push(slipway.gitUrl("chaos"), RunningSlipway.TOKEN).accepted(), "deploy the example");
            instanceKill(runtime, slipway);
            slipway = controlPlaneKill(runtime, slipway, home, ports);
            routerKill(runtime, slipway);
            crashLoop(runtime, slipway, work);
            api = slipway.api();
            for (var service : List.of("chaos", "crashy")) {
                api.delete("/api/v1/services/" + service);
            }
        } finally {
            slipway.close();
            slipway.stopRouter();
        }
        deleteTree(home);
        deleteTree(work);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void instanceKill(String runtime, SlipwayProcess slipway) throws Exception {
        var api = slipway.api();
        var victim = instances(api, "chaos").get(0);
        try (var load = SteadyLoad.on(slipway.service("chaos"))) {
            pause(STEADY);
            var killed = System.nanoTime();
            kill(runtime, victim.get("container").asString());
            waitFor(Duration.ofMinutes(2), () -> instances(api, "chaos").stream().anyMatch(i ->
                    i.get("id").asString().equals(victim.get("id").asString()) && i.get("state").asString().equals("HEALTHY")
                            && !i.get("container").asString().equals(victim.get("container").asString())));
            var recovered = seconds(killed);
            pause(STEADY);
            load.close();
            rows.add(new Row(runtime, "instance kill", load.succeeded() + load.failures().size(), load.failures().size(),
                    recovered, "0 failed, < 5 s", load.failures().isEmpty() && recovered < 5));
        }
    }

    private SlipwayProcess controlPlaneKill(String runtime, SlipwayProcess slipway, Path home,
                                            SlipwayProcess.Ports ports) throws Exception {
        SlipwayProcess restarted;
        double recovered;
        try (var load = SteadyLoad.on(slipway.service("chaos"))) {
            pause(STEADY);
            slipway.kill();
            pause(CONTROL_PLANE_DOWN);
            var start = System.nanoTime();
            restarted = SlipwayProcess.start(home, runtime, ports);
            recovered = seconds(start);
            pause(STEADY);
            load.close();
            rows.add(new Row(runtime, "control-plane kill", load.succeeded() + load.failures().size(),
                    load.failures().size(), recovered, "0 failed", load.failures().isEmpty()));
        }
        return restarted;
    }

    private void routerKill(String runtime, SlipwayProcess slipway) throws Exception {
        var client = slipway.service("chaos");
        try (var load = SteadyLoad.on(client)) {
            pause(STEADY);
            var killed = System.nanoTime();
            ProcessHandle.of(slipway.routerPid()).orElseThrow().destroyForcibly();
            waitFor(Duration.ofMinutes(1), () -> client.get().ok());
            var recovered = seconds(killed);
            pause(STEADY);
            load.close();
            rows.add(new Row(runtime, "router kill", load.succeeded() + load.failures().size(), load.failures().size(),
                    recovered, "< 2 s", recovered < 2));
        }
    }

    private void crashLoop(String runtime, SlipwayProcess slipway, Path work) throws Exception {
        var api = slipway.api();
        api.createService("crashy");
        var crashy = AppRepository.fromExample("hello-python", work.resolve("crashy"))
                .edit("apprunner.yaml", "command: python3 app.py", CRASHING);
        crashy.commit("Exits a second after it starts");
        try (var load = SteadyLoad.on(slipway.service("chaos"))) {
            require(crashy.push(slipway.gitUrl("crashy"), RunningSlipway.TOKEN).accepted(), "deploy the crashing app");
            waitFor(Duration.ofMinutes(2), () -> instances(api, "crashy").get(0).get("restarts").asInt() >= 3);
            crashy.edit("apprunner.yaml", CRASHING, "command: python3 app.py").commit("Fixed");
            var start = System.nanoTime();
            require(crashy.push(slipway.gitUrl("crashy"), RunningSlipway.TOKEN).accepted(), "deploy the fix");
            waitFor(Duration.ofMinutes(1), () -> {
                var service = api.service("crashy");
                return service.get("status").asString().equals("RUNNING") && !service.has("statusReason");
            });
            var recovered = seconds(start);
            load.close();
            rows.add(new Row(runtime, "crash loop (other service)", load.succeeded() + load.failures().size(),
                    load.failures().size(), recovered, "0 failed", load.failures().isEmpty()));
        }
    }

    private void print() {
        System.out.printf("%n| runtime | fault | requests sent | requests failed | seconds to recover | target | met |%n");
        System.out.printf("|---|---|---:|---:|---:|---|---|%n");
        for (var row : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.2f | %s | %s |%n", row.runtime(), row.fault(),
                    row.sent(), row.failed(), row.recoverySeconds(), row.target(), row.met() ? "yes" : "NO");
        }
        System.out.println("\nSeconds to recover: instance kill, from the kill until the instance is healthy again in a"
                + " new container; control-plane kill, from starting it again (after 5 s down) until its API answers;"
                + " router kill, from the kill until a request succeeds; crash loop, from pushing the fix until the"
                + " service is RUNNING with no reason. Requests: 4 clients back to back through the router.");
    }

    private static void kill(String runtime, String container) throws Exception {
        if (runtime.equals("docker")) {
            try (var clients = DockerClients.connect()) {
                clients.control().killContainerCmd(container).exec();
            }
        } else {
            new ProcessBuilder("kill", "-KILL", "--", "-" + container).inheritIO().start().waitFor();
        }
    }

    private static List<JsonNode> instances(SlipwayApi api, String service) {
        return api.get("/api/v1/services/" + service + "/instances").json().valueStream().toList();
    }

    /** Polls every 20 ms; a benchmark measures how long things take, so it cannot wait by fixed amounts. */
    private static void waitFor(Duration limit, BooleanSupplier condition) throws InterruptedException {
        var deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + limit);
            }
            Thread.sleep(20);
        }
    }

    /** Lets the load run for a while, the steady part of each measurement. */
    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("could not " + what);
        }
    }
}
