package dev.slipway.platform.bench;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SlipwayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code make bench-scale}: the autoscaler on each runtime, with Slipway started from its jar as
 * {@code make run} starts it. Cold starts from zero instances, a load step from 2 to 40 clients
 * (four times one instance's max-concurrency) and back, and a resume after a pause. Prints one
 * table with the targets, writes the step's time series to {@code docs/bench/}, and exits 1 when
 * a target is missed.
 */
public final class ScaleBenchmark {

    static final String REFERENCE_COLD = "Knative ~1–2 s; App Runner: no scale to zero";
    static final String REFERENCE_RESUME = "App Runner resume ~40 s";
    private static final String COLD = "min-instances: 0\n    scale-to-zero-after: 1\n    stable-window: 2";
    private static final String STEP = "max-concurrency: 10\n    min-instances: 1\n    max-instances: 4\n"
            + "    stable-window: 10";
    /**
     * hello-python's /info with the host name too (Docker gives every container the same port), after
     * 10 ms of work, as a small inference would take: the step's requests are then in flight at the
     * instances, where the router counts them, rather than waiting for a CPU in the clients that share
     * this machine's two cores.
     */
    private static final String INFO = "info = {\"version\": VERSION, \"port\": os.environ.get(\"PORT\")}";
    private static final String INFO_WITH_HOST = "time.sleep(0.01)\n            "
            + "info = {\"version\": VERSION, \"port\": os.environ.get(\"PORT\"), \"host\": os.uname().nodename}";

    private final ScaleTable table = new ScaleTable();
    private final Path root = RepositoryRoot.current();

    public static void main(String[] args) throws Exception {
        var bench = new ScaleBenchmark();
        for (var runtime : BenchRuntimes.available()) {
            bench.run(runtime);
        }
        System.out.printf("%n%s", bench.table.format());
        System.out.println("\nCold start: GET / to a service scaled to zero, until the response's headers arrive"
                + " (nearest-rank percentiles). Load step: clients sending GET /info back to back, "
                + ScaleStep.LOW_CLIENTS + " for " + ScaleStep.BEFORE.toSeconds() + " s, " + ScaleStep.HIGH_CLIENTS
                + " for " + ScaleStep.DURING.toSeconds() + " s, " + ScaleStep.LOW_CLIENTS + " for "
                + ScaleStep.AFTER.toSeconds() + " s; a second instance is the first answer from an instance that had"
                + " not answered before the step. Resume: from the resume call until GET / answers 200.");
        System.exit(bench.table.allMet() ? 0 : 1);
    }

    private void run(String runtime) throws Exception {
        var home = Files.createTempDirectory("slipway-scale-" + runtime);
        var work = Files.createTempDirectory("slipway-scale-app");
        var ports = SlipwayProcess.Ports.free();
        System.out.printf("%n== %s runtime, Slipway home %s%n", runtime, home);
        var slipway = SlipwayProcess.start(home, runtime, ports);
        try {
            var wake = new ScaleWake(slipway, "cold");
            attempt(slipway, runtime, "cold start", () -> {
                deploy(slipway, work, "cold", COLD);
                wake.measure(runtime, table);
            });
            attempt(slipway, runtime, "load step", () -> {
                deploy(slipway, work, "step", STEP);
                loadStep(runtime, slipway);
            });
            attempt(slipway, runtime, "resume after pause", () -> wake.resume(runtime, table, "step"));
            for (var service : List.of("cold", "step")) {
                slipway.api().delete("/api/v1/services/" + service);
            }
        } finally {
            slipway.close();
            slipway.stopRouter();
        }
        deleteTree(home);
        deleteTree(work);
    }

    /** One measure; when it cannot finish, a missed row with the reason instead of no table at all. */
    private void attempt(SlipwayProcess slipway, String runtime, String measure, Measure body) {
        try {
            body.run();
        } catch (Exception | AssertionError e) {
            System.out.printf("%s on %s could not finish: %s%nSlipway's log ends:%n%s%n", measure, runtime, e,
                    slipway.logTail());
            table.add(runtime, measure, "failed: " + e.getMessage(), "finishes", "—", false);
        }
    }

    private interface Measure {
        void run() throws Exception;
    }

    private static void deploy(SlipwayProcess slipway, Path work, String service, String scaling) {
        var api = slipway.api();
        require(api.createService(service).status() / 100 == 2, "create the service " + service);
        var app = AppRepository.fromExample("hello-python", work.resolve(service))
                .edit("apprunner.yaml", "\nrun:", "\nslipway:\n  scaling:\n    " + scaling + "\nrun:")
                .edit("app.py", INFO, INFO_WITH_HOST)
                .edit("app.py", "import json\n", "import json\nimport time\n");
        app.commit("Scaling for the benchmark; /info works 10 ms and names the host");
        require(app.push(slipway.gitUrl(service), RunningSlipway.TOKEN).accepted(), "deploy " + service);
        ScaleWake.await(java.time.Duration.ofMinutes(2), () -> slipway.service(service).getPath("/info").ok());
        var reported = api.service(service).path("scaling");
        System.out.printf("%s: scaling as the API reports it: %s%n", service,
                reported.isMissingNode() ? "(no \"scaling\" in the service)" : reported);
    }

    private void loadStep(String runtime, SlipwayProcess slipway) throws Exception {
        var api = slipway.api();
        ScaleWake.await(java.time.Duration.ofMinutes(1), () -> ScaleWake.instances(api, "step").size() == 1);
        var result = new ScaleStep(api, "step").run(slipway.ports().router());
        var record = result.record();
        var title = String.format(Locale.ROOT, "%s runtime: %d → %d → %d clients (max-concurrency 10, 1–4 instances)",
                runtime, ScaleStep.LOW_CLIENTS, ScaleStep.HIGH_CLIENTS, ScaleStep.LOW_CLIENTS);
        var csv = root.resolve("docs/bench/scale-step-" + runtime + ".csv");
        var png = root.resolve("docs/bench/scale-step-" + runtime + ".png");
        ScaleCsv.write(csv, result.samples());
        var stepStart = ScaleStep.BEFORE.toMillis() / 1000.0;
        ScaleChart.write(png, title, result.samples(), stepStart, stepStart + ScaleStep.DURING.toMillis() / 1000.0);
        System.out.printf("Wrote %s and %s; %d instances answered; first failures: %s%n", root.relativize(csv),
                root.relativize(png), record.instancesSeen(), record.failureSamples());
        var second = result.secondsToSecondInstance();
        table.add(runtime, "load step: seconds to a second instance", ScaleTable.seconds(second), "< 10 s", "—",
                second < 10);
        table.add(runtime, "load step: failed requests", record.totalFailed() + " of "
                + (record.totalCompleted() + record.totalFailed()), "0", "—", record.totalFailed() == 0);
        for (var phase : ScaleRecord.Phase.values()) {
            var latencies = record.latencies(phase);
            table.report(runtime, "load step: p99 latency " + phase.name().toLowerCase(Locale.ROOT),
                    milliseconds(ScalePercentiles.nearestRank(latencies, 99)) + " (" + latencies.size() + " requests)",
                    "—");
        }
    }

    private static String milliseconds(double seconds) {
        return Double.isNaN(seconds) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", seconds * 1000);
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("could not " + what);
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
