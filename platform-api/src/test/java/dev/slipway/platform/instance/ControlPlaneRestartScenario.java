package dev.slipway.platform.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SlipwayProcess;
import dev.slipway.platform.support.SteadyLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Slipway run as an operator runs it, two OS processes (control plane and router), crashed on
 * purpose under load: a killed control plane fails no request and, started again, adopts the same
 * containers and shows the same services, deployments and instances; a killed router is back,
 * serving its last routes, without anyone doing anything. Each runtime runs it.
 */
abstract class ControlPlaneRestartScenario {

    @TempDir
    Path home;

    @TempDir
    Path work;

    final Set<String> deploymentIds = new HashSet<>();
    private SlipwayProcess slipway;

    /** {@code process} or {@code docker}. */
    abstract String runtime();

    /** Removes what the test's deployments left behind outside Slipway's home (images). */
    void removeLeftovers(Set<String> deploymentIds) {
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (slipway == null) {
            return;
        }
        try {
            for (var service : List.of("steady")) {
                slipway.api().deployments(service).forEach(d -> deploymentIds.add(d.get("id").asString()));
                slipway.api().delete("/api/v1/services/" + service);
            }
            slipway.close();
        } finally {
            slipway.stopRouter();
            removeLeftovers(deploymentIds);
        }
    }

    @Test
    void killingTheControlPlaneUnderLoadFailsNoRequestAndARestartAdoptsEverything() throws Exception {
        var ports = SlipwayProcess.Ports.free();
        slipway = SlipwayProcess.start(home, runtime(), ports);
        var api = slipway.api();
        api.createService("steady");
        var app = AppRepository.fromExample("hello-python", work)
                .edit("apprunner.yaml", "\nrun:", "\nslipway:\n  scaling:\n    min-instances: 2\nrun:");
        app.commit("Two instances");
        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        var servicesBefore = api.get("/api/v1/services").json();
        var deploymentsBefore = api.get("/api/v1/services/steady/deployments").json();
        var instancesBefore = instances(api.get("/api/v1/services/steady/instances").json());
        var routerPid = slipway.routerPid();

        SteadyLoad load;
        try (var steady = SteadyLoad.on(slipway.service("steady"))) {
            load = steady;
            await().atMost(Duration.ofSeconds(30)).until(() -> steady.succeeded() >= 50);
            slipway.kill();
            var atKill = steady.succeeded();
            await("requests served while the control plane is down").atMost(Duration.ofSeconds(30))
                    .until(() -> steady.succeeded() >= atKill + 200);
            slipway = SlipwayProcess.start(home, runtime(), ports);
            var atRestart = steady.succeeded();
            await().atMost(Duration.ofSeconds(30)).until(() -> steady.succeeded() >= atRestart + 200);
        }
        assertThat(load.failures()).as("requests that failed while the control plane was killed and restarted")
                .isEmpty();
        api = slipway.api();
        assertThat(slipway.routerPid()).as("the router process was adopted, not replaced").isEqualTo(routerPid);
        assertThat(instances(api.get("/api/v1/services/steady/instances").json()))
                .as("the same instances in the same containers").isEqualTo(instancesBefore);
        assertThat(api.get("/api/v1/services/steady/deployments").json()).isEqualTo(deploymentsBefore);
        assertThat(names(api.get("/api/v1/services").json())).isEqualTo(names(servicesBefore));
        assertThat(api.service("steady").get("status").asString()).isEqualTo("RUNNING");
    }

    @Test
    void aKilledRouterIsBackServingItsLastRoutesOnItsOwn() throws Exception {
        slipway = SlipwayProcess.start(home, runtime(), SlipwayProcess.Ports.free());
        slipway.api().createService("steady");
        var push = AppRepository.fromExample("hello-python", work).push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        var client = slipway.service("steady");
        var killed = slipway.routerPid();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();
        var start = System.nanoTime();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> client.get().ok());
        var recovery = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("router recovery after kill -9: %d ms%n", recovery.toMillis());
        assertThat(slipway.routerPid()).as("a new router process").isNotEqualTo(killed);
        assertThat(client.get().body()).isEqualTo("Hello from Slipway! (version 1)\n");
    }

    /** Each instance's id, state and container. */
    private static List<String> instances(JsonNode list) {
        return list.valueStream().map(i -> i.get("id").asString() + " " + i.get("state").asString() + " "
                + i.get("container").asString()).toList();
    }

    private static List<String> names(JsonNode services) {
        return services.valueStream().map(s -> s.get("name").asString() + " " + s.get("activeDeploymentId").asString())
                .toList();
    }
}
