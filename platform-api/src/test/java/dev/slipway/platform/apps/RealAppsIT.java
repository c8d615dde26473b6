package dev.slipway.platform.apps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.FastHealthCheck;
import dev.slipway.platform.support.DockerSupport;
import dev.slipway.platform.support.PythonPackageIndex;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SlipwayProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps written as App Runner users write them ({@code test-apps/}), pushed unchanged to a Slipway
 * with no {@code runtimes.properties}: each builds on an offline runtime image with its package
 * manager and is served through the router. Slipway runs as an operator on a company network runs
 * it: the host's CA bundle in {@code SLIPWAY_EXTRA_CA_CERTS} (this network inspects TLS) and a
 * Python package index of its own in {@code PIP_INDEX_URL}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealAppsIT {

    static final String JAVA = "slipway/runtime-java17:bookworm";
    static final String NODE = "slipway/runtime-nodejs18:bookworm";
    static final String PYTHON = "slipway/runtime-python3:bookworm";
    static final String GO = "slipway/runtime-go:bookworm";
    private static final Path HOST_CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    @TempDir
    static Path home;

    @TempDir
    static Path work;

    private PythonPackageIndex index;
    private SlipwayProcess slipway;
    private final List<String> services = new ArrayList<>();

    @BeforeAll
    void startSlipway() {
        DockerSupport.assumeDockerWithImages(JAVA, NODE, PYTHON, GO);
        var gateway = DockerSupport.bridgeGateway();
        index = PythonPackageIndex.start(gateway, PythonPackageIndex.FLASK);
        var env = new HashMap<String, String>();
        env.put("PIP_INDEX_URL", index.url());
        env.put("PIP_TRUSTED_HOST", gateway);
        if (Files.isRegularFile(HOST_CA_BUNDLE)) {
            env.put("SLIPWAY_EXTRA_CA_CERTS", HOST_CA_BUNDLE.toString());
        }
        slipway = SlipwayProcess.start(home.resolve("slipway"), "docker", SlipwayProcess.Ports.free(), env);
    }

    @AfterAll
    void stop() throws InterruptedException {
        var ids = new java.util.HashSet<String>();
        if (slipway != null) {
            for (var service : services) {
                slipway.api().deployments(service).forEach(d -> ids.add(d.get("id").asString()));
            }
            slipway.close();
            slipway.stopRouter();
        }
        if (index != null) {
            index.close();
        }
        DockerSupport.removeServices(services, ids);
    }

    @Test
    void aSpringBootAppBuildsWithMavenPackage() {
        assumeReachable("repo.maven.apache.org", "Maven Central");
        var push = deploy("greeting-maven", "spring-boot-maven");
        assertThat(push).contains("slipway/runtime-java17:bookworm").contains("BUILD SUCCESS");
        assertThat(slipway.service("greeting-maven").getPath("/?name=Slipway").body()).isEqualTo("Hello, Slipway!");
    }

    @Test
    void anExpressAppBuildsWithNpmInstall() {
        assumeReachable("registry.npmjs.org", "the npm registry");
        var push = deploy("express-npm", "express-npm");
        assertThat(push).contains("slipway/runtime-nodejs18:bookworm").containsPattern("added \\d+ packages");
        assertThat(slipway.service("express-npm").get().body()).isEqualTo("Hello from Express!");
    }

    @Test
    void aFlaskAppBuildsWithPipInstallFromTheOperatorsIndex() {
        var push = deploy("flask-pip", "flask-pip");
        assertThat(push).contains("Successfully installed");
        assertThat(index.downloads()).as("wheels pip fetched from the index")
                .anySatisfy(file -> assertThat(file).contains("Flask-2.2.2"));
        assertThat(slipway.service("flask-pip").get().body()).isEqualTo("Hello from Flask!");
    }

    @Test
    void aGoAppBuildsWithGoBuild() {
        var push = deploy("go-http", "go-http");
        assertThat(push).contains("slipway/runtime-go:bookworm");
        assertThat(slipway.service("go-http").get().body()).isEqualTo("Hello from Go!\n");
    }

    @Test
    void anAppOnAHardCodedPortWithoutANetworkPortFailsSayingWhichPortToSet() {
        assumeReachable("registry.npmjs.org", "the npm registry");
        var repository = repository("express-port", "express-npm")
                .edit("index.js", "const port = process.env.PORT || 3000;", "const port = 3000;")
                .edit("apprunner.yaml", "  network:\n    port: 3000\n", FastHealthCheck.YAML);
        repository.commit("Listen on 3000, as the tutorial did");

        var push = repository.push(slipway.gitUrl("express-port"), RunningSlipway.TOKEN);

        assertThat(push.accepted()).isFalse();
        assertThat(failedReason("express-port")).startsWith("Health check failed: the app listens on port 3000, but"
                + " run.network.port is 8080 (App Runner's default when apprunner.yaml sets no port); set port: 3000"
                + " under run.network in apprunner.yaml, or have the app listen on $PORT.");
    }

    @Test
    void aStartCommandTheImageLacksFailsNamingTheRuntimeImageAndWhatItCarries() {
        var repository = repository("flask-gunicorn", "flask-pip")
                .edit("apprunner.yaml", "command: python app.py", "command: gunicorn app:app");
        repository.commit("Serve with gunicorn");

        var push = repository.push(slipway.gitUrl("flask-gunicorn"), RunningSlipway.TOKEN);

        assertThat(push.accepted()).isFalse();
        assertThat(failedReason("flask-gunicorn")).startsWith("Health check failed: the start command `gunicorn app:app`"
                + " exited with 127 (command not found): gunicorn is not in the image slipway/flask-gunicorn:")
                .contains(", built on slipway/runtime-python3:bookworm (Python 3.11 from Debian bookworm with python3,"
                        + " python, pip (pip 23.0)")
                .contains("; install it in the build commands, or correct the start command");
    }

    /** Creates the service, pushes the app unchanged, and returns the push's output once it is live. */
    private String deploy(String service, String app) {
        var push = repository(service, app).push(slipway.gitUrl(service), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        var deployment = slipway.api().latestDeployment(service);
        assertThat(deployment.get("status").asString()).as(push.text()).isEqualTo("SUCCEEDED");
        return push.text();
    }

    /** Creates the service and a working copy of the app for it. */
    private AppRepository repository(String service, String app) {
        services.add(service);
        var created = slipway.api().createService(service);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return AppRepository.fromTestApp(app, work.resolve(service));
    }

    private String failedReason(String service) {
        var failed = slipway.api().latestDeployment(service);
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        return failed.get("reason").asString();
    }

    private static void assumeReachable(String host, String what) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 443), 5_000);
        } catch (IOException e) {
            Assumptions.abort(what + " (" + host + ") cannot be reached from this machine: " + e.getMessage());
        }
    }
}
