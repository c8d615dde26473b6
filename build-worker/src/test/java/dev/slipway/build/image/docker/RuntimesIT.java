package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.image.CommandFailedException;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import dev.slipway.config.runtime.OfflineImage;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps on every runtime family build and answer HTTP on the offline images, which the default
 * catalog finds with no overrides; the images carry their language's tools. Nothing here reaches
 * a registry or the internet.
 */
class RuntimesIT extends DockerBuildTestSupport {

    @TempDir
    Path source;

    @Override
    RuntimeCatalog catalog() {
        return RuntimeCatalog.defaults();
    }

    @Test
    void aNodejs18AppBuildsWithTheRevisedProcessAndAnswers() throws Exception {
        requireImage(NODE_IMAGE);
        Files.writeString(source.resolve("package.json"), """
                {"name": "hello-node", "version": "1.0.0", "private": true, "scripts": {"start": "node server.js"}}
                """);
        Files.writeString(source.resolve("server.js"), """
                const http = require('http');
                http.createServer((req, res) => res.end('hello from node ' + process.version + '\\n'))
                    .listen(process.env.PORT);
                """);
        var config = config("nodejs18", List.of("npm install --no-audit --no-fund",
                "echo cache $(npm config get cache)"), "npm start", 3000);
        var log = new RecordingLog();

        var artifact = builder().build(plan(source, config, "d1"), log);

        assertThat(log.lines(Stream.STDOUT)).contains(new Line("build", "cache /var/cache/slipway/npm"));
        assertThat(log.texts()).contains("using base image " + NODE_IMAGE + " for runtime nodejs18");
        assertThat(get("http://" + start(artifact.reference()) + ":3000/")).startsWith("hello from node v18.");
    }

    @Test
    void theNodeImageCarriesNpmAndYarnAndWarnsANodejs20AppThatItIsNode18() {
        requireImage(NODE_IMAGE);
        var log = new RecordingLog();

        builder().build(plan(source, config("nodejs20", List.of("echo npm $(npm --version) yarn $(yarn --version)"),
                "node --version", 3000), "d1"), log);

        assertThat(log.lines(Stream.STDOUT)).anySatisfy(line -> assertThat(line.text()).matches("npm 9\\.\\S+ yarn 1\\.22\\.\\S+"));
        assertThat(log.texts()).contains("warning: using base image " + NODE_IMAGE + " for runtime nodejs20: built on"
                + " Node.js 18 from Debian bookworm; no Node.js 20 image here; choose another in runtimes.properties");
    }

    @Test
    void thePythonImageCarriesPipAndVenv() {
        var log = new RecordingLog();

        builder().build(plan(source, config("python311", List.of("python3 -m venv /app/venv",
                "/app/venv/bin/pip --version"), "python3 --version", 8080), "d1"), log);

        assertThat(log.lines(Stream.STDOUT)).anySatisfy(line -> assertThat(line.text()).startsWith("pip 23.")
                .contains("/app/venv/"));
        assertThat(log.texts()).contains("using base image " + PYTHON_IMAGE + " for runtime python311");
    }

    @Test
    void aJavaAppBuildsWithJavacOnCorretto17AndAnswers() throws Exception {
        requireImage(JAVA_IMAGE);
        Files.writeString(source.resolve("Main.java"), """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;

                public class Main {
                    public static void main(String[] args) throws Exception {
                        var server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv("PORT"))), 0);
                        server.createContext("/", exchange -> {
                            var body = ("hello from java " + Runtime.version().feature() + "\\n").getBytes();
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                        server.start();
                    }
                }
                """);
        var config = config("corretto17", List.of("javac -d classes Main.java"), "java -cp classes Main", 8080);

        var artifact = builder().build(plan(source, config, "d1"), new RecordingLog());

        assertThat(get("http://" + start(artifact.reference()) + ":8080/")).isEqualTo("hello from java 17\n");
    }

    @Test
    void theJavaImageCarriesMavenAndGradleAndWarnsACorretto11AppThatItIsOpenJdk17() {
        requireImage(JAVA_IMAGE);
        var log = new RecordingLog();

        builder().build(plan(source, config("corretto11", List.of("mvn --version", "gradle --version"),
                "java -version", 8080), "d1"), log);

        assertThat(log.texts()).anySatisfy(text -> assertThat(text).contains("Apache Maven 3.8."))
                .contains("Gradle 4.4.1")
                .contains("warning: using base image " + JAVA_IMAGE + " for runtime corretto11: built on OpenJDK 17"
                        + " from Debian bookworm; no Java (Amazon Corretto) 11 image here; choose another in"
                        + " runtimes.properties");
    }

    @Test
    void aGoAppBuildsWithGoBuildAndAnswers() throws Exception {
        var image = OfflineImage.GO.reference();
        requireImage(image);
        Files.writeString(source.resolve("go.mod"), "module example.com/hello\n\ngo 1.21\n");
        Files.writeString(source.resolve("main.go"), """
                package main

                import (
                	"fmt"
                	"net/http"
                	"os"
                	"runtime"
                )

                func main() {
                	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
                		fmt.Fprintf(w, "hello from %s\\n", runtime.Version())
                	})
                	http.ListenAndServe(":"+os.Getenv("PORT"), nil)
                }
                """);
        var log = new RecordingLog();

        var artifact = builder().build(plan(source, config("go1", List.of("go build -o server ."), "./server", 8080),
                "d1"), log);

        assertThat(log.texts()).contains("using base image " + image + " for runtime go1");
        assertThat(get("http://" + start(artifact.reference()) + ":8080/")).matches("hello from go1\\.23\\.\\d+\n");
    }

    @Test
    void aRubyAppBuildsWithBundlerAtHandAndAnswers() throws Exception {
        var image = OfflineImage.RUBY.reference();
        requireImage(image);
        Files.writeString(source.resolve("index.html"), "hello from ruby\n");
        var log = new RecordingLog();

        var artifact = builder().build(plan(source, config("ruby31", List.of("bundle --version", "gem --version"),
                "ruby -run -e httpd -- --port=8080 .", 8080), "d1"), log);

        assertThat(log.texts()).contains("using base image " + image + " for runtime ruby31")
                .anySatisfy(line -> assertThat(line).matches("Bundler version 2\\.3\\.\\d+"));
        assertThat(get("http://" + start(artifact.reference()) + ":8080/index.html")).isEqualTo("hello from ruby\n");
    }

    @Test
    void aPhpAppBuildsWithComposerAtHandAndAnswersWarningThatItIsPhp82() throws Exception {
        var image = OfflineImage.PHP.reference();
        requireImage(image);
        Files.writeString(source.resolve("index.php"), "<?php echo 'hello from php ' . PHP_MAJOR_VERSION . '.'"
                + " . PHP_MINOR_VERSION . \"\\n\";\n");
        var log = new RecordingLog();

        var artifact = builder().build(plan(source, config("php81", List.of("composer --version"),
                "php -S 0.0.0.0:8080", 8080), "d1"), log);

        assertThat(log.texts()).anySatisfy(text -> assertThat(text).startsWith("Composer version 2.5."))
                .contains("warning: using base image " + image + " for runtime php81: built on PHP 8.2 from Debian"
                        + " bookworm; no PHP 8.1 image here; choose another in runtimes.properties");
        assertThat(get("http://" + start(artifact.reference()) + ":8080/")).isEqualTo("hello from php 8.2\n");
    }

    @Test
    void aCommandTheImageLacksFailsTheBuildNamingTheCommandTheImageAndWhatItCarries() {
        var config = config("python3", List.of("mvn -B package"), "java -jar app.jar", 8080);

        assertThatThrownBy(() -> builder().build(plan(source, config, "d1"), new RecordingLog()))
                .isInstanceOf(CommandFailedException.class)
                .hasMessageStartingWith("build command `mvn -B package` failed with exit code 127: mvn: command not"
                        + " found in base image " + PYTHON_IMAGE + " (Python 3.11 from Debian bookworm with python3,"
                        + " python, pip (pip 23.0), venv (python3 -m venv), curl, git); install it in pre-build or choose"
                        + " another base image in runtimes.properties\n")
                .hasMessageContaining("mvn: not found");
    }

    private static AppRunnerConfig config(String runtime, List<String> build, String command, int port) {
        return new AppRunnerConfig("1.0", runtime, new BuildSection(List.of(), build, List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), command, new NetworkSection(port, Optional.empty()),
                        List.of(), List.of()));
    }
}
