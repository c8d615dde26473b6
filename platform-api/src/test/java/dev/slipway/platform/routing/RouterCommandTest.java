package dev.slipway.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.TrustedProxies;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterCommandTest {

    private static final RouterClientOptions DEFAULTS = new RouterClientOptions(256, TrustedProxies.NONE);

    @TempDir
    Path home;

    @Test
    void fromSlipwaysJarTheRouterRunsThroughBootsLauncherFromACopyABuildCannotRewrite() throws IOException {
        Path jar = bootJar(home.resolve("slipway.jar"), "first build");
        Path routerDirectory = home.resolve("router");

        List<String> command = new RouterCommand(routerDirectory)
                .build(jar.toString(), "0.0.0.0", 8000, 8001, routerDirectory.resolve("routes.json"), DEFAULTS);

        assertThat(command).contains("-Dloader.main=dev.slipway.router.StandaloneRouter",
                "org.springframework.boot.loader.launch.PropertiesLauncher");
        Path copy = Path.of(command.get(command.indexOf("-cp") + 1));
        assertThat(copy).startsWith(routerDirectory.resolve("lib")).hasSameBinaryContentAs(jar);
        byte[] running = Files.readAllBytes(copy);
        Files.write(jar, "rewritten in place".getBytes(), StandardOpenOption.TRUNCATE_EXISTING);
        assertThat(Files.readAllBytes(copy)).as("the router's copy after a rebuild").isEqualTo(running);
    }

    @Test
    void aNewBuildGetsANewCopyAndTheOldOneGoes() throws IOException {
        Path routerDirectory = home.resolve("router");
        RouterCommand command = new RouterCommand(routerDirectory);
        Path jar = bootJar(home.resolve("slipway.jar"), "first build");
        Path first = copyIn(command.build(jar.toString(), "0.0.0.0", 8000, 8001, home.resolve("routes.json"), DEFAULTS));

        bootJar(jar, "second build, a little longer");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        Path second = copyIn(command.build(jar.toString(), "0.0.0.0", 8000, 8001, home.resolve("routes.json"), DEFAULTS));

        assertThat(second).isNotEqualTo(first).hasSameBinaryContentAs(jar);
        assertThat(first).doesNotExist();
    }

    @Test
    void fromAClassPathTheRouterRunsWithTheSameClassPath() throws IOException {
        String classPath = "/app/classes" + java.io.File.pathSeparator + "/app/lib/netty.jar";

        List<String> command = new RouterCommand(home.resolve("router"))
                .build(classPath, "127.0.0.1", 0, 0, home.resolve("router/routes.json"), DEFAULTS);

        assertThat(command.get(command.indexOf("-cp") + 1)).isEqualTo(classPath);
        assertThat(command.get(command.indexOf("-cp") + 2)).isEqualTo("dev.slipway.router.StandaloneRouter");
        assertThat(String.join(" ", command)).endsWith("--port 0 --bind 127.0.0.1 --state "
                + home.resolve("router/routes.json") + " --control-port 0 --access-log off --max-connections-per-client 256");
        assertThat(home.resolve("router/lib")).doesNotExist();
    }

    @Test
    void passesTheClientOptionsOnAndChecksTheTrustedProxies() throws IOException {
        var settings = new SlipwayProperties.Router(SlipwayProperties.RouterMode.PROCESS, 8000, "0.0.0.0", 8001, 0,
                "10.0.0.0/8, fd00::/8");

        List<String> command = new RouterCommand(home.resolve("router")).build("/app/classes", "0.0.0.0", 8000, 8001,
                home.resolve("router/routes.json"), RouterClientOptions.of(settings));

        assertThat(String.join(" ", command)).endsWith(
                "--access-log off --max-connections-per-client 0 --trusted-proxies 10.0.0.0/8,fd00:0:0:0:0:0:0:0/8");
        var wrong = new SlipwayProperties.Router(SlipwayProperties.RouterMode.PROCESS, 8000, "0.0.0.0", 8001, 256,
                "10.0.0.0/8,proxy.internal");
        assertThatThrownBy(() -> RouterClientOptions.of(wrong))
                .hasMessageStartingWith("SLIPWAY_ROUTER_TRUSTED_PROXIES is wrong: 'proxy.internal' is not a CIDR block");
    }

    private static Path copyIn(List<String> command) {
        return Path.of(command.get(command.indexOf("-cp") + 1));
    }

    /** A jar whose manifest says Spring Boot built it, as {@code platform-api/target/slipway.jar}'s does. */
    private static Path bootJar(Path file, String content) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Spring-Boot-Version", "4.0.7");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("content.txt"));
            jar.write(content.getBytes());
        }
        return file;
    }
}
