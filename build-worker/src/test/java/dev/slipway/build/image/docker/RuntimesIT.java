package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apps on other runtimes build and answer HTTP; catalog overrides point them at the offline images. */
class RuntimesIT extends DockerBuildTestSupport {

    @TempDir
    Path source;

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
        assertThat(get("http://" + start(artifact.reference()) + ":3000/")).startsWith("hello from node v18.");
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

    private static AppRunnerConfig config(String runtime, List<String> build, String command, int port) {
        return new AppRunnerConfig("1.0", runtime, new BuildSection(List.of(), build, List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), command, new NetworkSection(port, Optional.empty()),
                        List.of(), List.of()));
    }
}
