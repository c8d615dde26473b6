package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.TestCertificates;
import dev.slipway.build.TestHttpsServer;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.network.TrustMaterial;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.EnvVar;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import dev.slipway.config.project.ProjectKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A company network's package host: an HTTPS server with a certificate from a CA that only
 * {@code SLIPWAY_EXTRA_CA_CERTS} names, on the Docker bridge's host address. Builds fetch from it
 * (npm, Python, Java) only when Slipway is given the CA, and the images they make carry neither
 * the CA nor the variables that point at it.
 */
class CompanyNetworkIT extends DockerBuildTestSupport {

    private static final String PACKAGE = "slipway-network-test";
    private static final List<String> TRUST_VARIABLES = List.of("SSL_CERT_FILE", "CURL_CA_BUNDLE",
            "REQUESTS_CA_BUNDLE", "PIP_CERT", "GIT_SSL_CAINFO", "NODE_EXTRA_CA_CERTS", "JAVA_TOOL_OPTIONS");

    @TempDir
    Path temp;
    @TempDir
    Path source;

    private TestCertificates ca;
    private TestHttpsServer server;
    private CompanyNetwork network;
    private String caLine;

    @BeforeEach
    void startThePackageHost() throws Exception {
        ca = TestCertificates.authority("Slipway Company Network Test CA");
        var pem = ca.writePem(temp.resolve("company-ca.pem"));
        caLine = Files.readAllLines(pem).get(1);
        network = CompanyNetwork.of(Optional.of(pem), temp.resolve("home/trust"), Map.of(), false);
        server = TestHttpsServer.start(bridgeGateway(), ca, Map.of(
                "/hello.txt", "hello over tls".getBytes(StandardCharsets.UTF_8),
                "/" + PACKAGE + ".tgz", npmPackage()));
    }

    @AfterEach
    void stopThePackageHost() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void npmAndPythonFetchFromTheCompanyHostOnlyWithTheCaAndTheImageKeepsNoTrace() throws Exception {
        requireImage(NODE_IMAGE);
        Files.writeString(source.resolve("package.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"private\": true}\n");
        var fetch = "python3 -c \"import urllib.request as r; print('python fetched', r.urlopen('"
                + server.url("/hello.txt") + "').read().decode())\"";
        var config = config("nodejs18", List.of(
                "npm install --no-audit --no-fund --fetch-retries=0 " + server.url("/" + PACKAGE + ".tgz"), fetch,
                "touch " + TrustMaterial.CONTAINER_DIRECTORY + "/probe 2>/dev/null"
                        + " || echo the trust files are read-only"),
                List.of());

        assertThatThrownBy(() -> builder().build(plan(source, config, "d1"), new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("npm install")
                .hasMessageContaining("certificate");
        var log = new RecordingLog();
        var result = trustingBuilder().buildWithReport(plan(source, config, "d2"), log);

        assertThat(log.texts()).contains("build commands trust 1 extra CA certificate(s) from SLIPWAY_EXTRA_CA_CERTS,"
                + " mounted read-only at /opt/slipway/trust and never part of an image");
        assertThat(log.lines(Stream.STDOUT)).extracting(RecordingLog.Line::text)
                .contains("python fetched hello over tls", "the trust files are read-only");
        var image = result.artifact().reference();
        var inImage = run(image, "sh", "-c", "node -e \"console.log(require('" + PACKAGE + "'))\";"
                + " test -e " + TrustMaterial.CONTAINER_DIRECTORY + " || echo no trust directory;"
                + " grep -rlF '" + caLine + "' /etc /usr/local /app /root /tmp /opt /var/lib 2>/dev/null; true");
        assertThat(inImage.output()).isEqualTo("installed from the company host\nno trust directory\n");
        var buildImage = ImageKind.BUILD.tag(result.report().buildKey().orElseThrow());
        assertNoTrace(image, buildImage);
    }

    @Test
    void javaTrustsTheCompanyCaThroughItsToolOptionsAndAnAppsOwnOptionsStay() throws Exception {
        requireImage(JAVA_IMAGE);
        Files.copy(Path.of("src/test/resources/network/Fetch.java"), source.resolve("Fetch.java"));
        var config = config("corretto17", List.of("java Fetch.java " + server.url("/hello.txt")),
                List.of(new EnvVar("JAVA_TOOL_OPTIONS", "-Dslipway.test=appended")));

        assertThatThrownBy(() -> builder().build(plan(source, config, "d1"), new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("PKIX path building failed");
        var log = new RecordingLog();
        var result = trustingBuilder().buildWithReport(plan(source, config, "d2"), log);

        assertThat(log.lines(Stream.STDOUT)).extracting(RecordingLog.Line::text)
                .contains("java fetched hello over tls, slipway.test=appended");
        assertNoTrace(result.artifact().reference(), ImageKind.BUILD.tag(result.report().buildKey().orElseThrow()));
    }

    @Test
    void dockerfileBuildsGetTheProxiesAsBuildArgumentsThatNoHistoryKeeps() throws Exception {
        Files.writeString(source.resolve("Dockerfile"), "FROM " + PYTHON_IMAGE + "\n"
                + "RUN echo \"proxy $HTTPS_PROXY $no_proxy\"\nCMD [\"python3\", \"-m\", \"http.server\"]\n");
        var proxied = CompanyNetwork.of(Optional.empty(), temp.resolve("unused"), Map.of(
                "HTTPS_PROXY", "http://alice:pr0xy-s3cret@proxy.invalid:3128", "NO_PROXY", "localhost"), false);
        var log = new RecordingLog();
        var plan = new BuildPlan(service, "d1", COMMIT, source, ProjectKind.DOCKERFILE, Optional.empty());

        var image = new DockerImageBuilder(clients, catalog(), BuildLimits.defaults(), proxied).build(plan, log)
                .reference();

        assertThat(log.texts()).contains("passing HTTPS_PROXY, https_proxy, NO_PROXY, no_proxy from Slipway's"
                + " environment as build arguments", "proxy http://alice:****@proxy.invalid:3128 localhost");
        assertThat(log.dump()).doesNotContain("pr0xy-s3cret");
        assertThat(history(image)).doesNotContain("proxy.invalid");
        assertThat(environment(image)).noneMatch(variable -> variable.toLowerCase().contains("proxy"));
    }

    private DockerImageBuilder trustingBuilder() {
        return new DockerImageBuilder(clients, catalog(), BuildLimits.defaults(), network);
    }

    /** Neither image's configuration nor history knows the trust files, and their variables are not set. */
    private void assertNoTrace(String... images) {
        for (var image : images) {
            assertThat(environment(image)).as(image)
                    .noneMatch(variable -> TRUST_VARIABLES.stream().anyMatch(name -> variable.startsWith(name + "=")))
                    .noneMatch(variable -> variable.contains(TrustMaterial.CONTAINER_DIRECTORY));
            var inspected = clients.control().inspectImageCmd(image).exec();
            assertThat(inspected.getConfig().getVolumes()).as(image).isNullOrEmpty();
            assertThat(history(image)).as(image).doesNotContain(TrustMaterial.CONTAINER_DIRECTORY)
                    .doesNotContain("NODE_EXTRA_CA_CERTS").doesNotContain("trustStore");
        }
    }

    private static List<String> environment(String image) {
        var inspected = clients.control().inspectImageCmd(image).exec();
        var all = new ArrayList<String>();
        for (var config : Arrays.asList(inspected.getConfig(), inspected.getContainerConfig())) {
            if (config != null && config.getEnv() != null) {
                all.addAll(List.of(config.getEnv()));
            }
        }
        return all;
    }

    /** The host's address on Docker's default bridge, which build containers reach. */
    private static InetAddress bridgeGateway() throws IOException {
        var ipam = clients.control().inspectNetworkCmd().withNetworkId("bridge").exec().getIpam();
        return InetAddress.getByName(ipam.getConfig().get(0).getGateway());
    }

    /** An npm package tarball: {@code package/package.json} and an index that exports a string. */
    private static byte[] npmPackage() throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            add(tar, "package/package.json",
                    "{\"name\": \"" + PACKAGE + "\", \"version\": \"1.0.0\", \"main\": \"index.js\"}\n");
            add(tar, "package/index.js", "module.exports = 'installed from the company host';\n");
        }
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        var data = content.getBytes(StandardCharsets.UTF_8);
        var entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static AppRunnerConfig config(String runtime, List<String> build, List<EnvVar> buildEnv) {
        return new AppRunnerConfig("1.0", runtime, new BuildSection(List.of(), build, List.of(), buildEnv),
                new RunSection(Optional.empty(), List.of(), "sleep infinity", NetworkSection.defaults(), List.of(),
                        List.of()));
    }
}
