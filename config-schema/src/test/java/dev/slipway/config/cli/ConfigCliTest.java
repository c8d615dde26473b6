package dev.slipway.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCliTest {

    private static final String VALID = """
            version: 1.0
            runtime: python3
            build:
              commands:
                build: [pip install -r requirements.txt]
            run:
              command: python3 app.py
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String valid;
    private String invalid;

    @BeforeEach
    void writeFiles() throws IOException {
        valid = Files.writeString(dir.resolve("valid.yaml"), VALID).toString();
        invalid = Files.writeString(dir.resolve("invalid.yaml"), VALID.replace("python3\n", "python3.9\n")
                + "  port: 80\n").toString();
    }

    @Test
    void exitsZeroForAValidFile() {
        assertThat(run("validate", valid)).isEqualTo(ConfigCli.EXIT_OK);
        assertThat(out()).isEqualTo("checked 1 path: 0 errors, 0 warnings\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void printsOneLinePerProblemAndExitsOneWhenThereIsAnError() {
        assertThat(run("validate", valid, invalid)).isEqualTo(ConfigCli.EXIT_ERRORS);
        assertThat(out()).isEqualTo(invalid + ":2:10: error: runtime: \"python3.9\" is not a known runtime; did "
                + "you mean python3?\n"
                + invalid + ":8:3: warning: run.port: unknown key; did you mean run.network.port?\n"
                + "checked 2 paths: 1 error, 1 warning\n");
    }

    @Test
    void exitsZeroWhenThereAreOnlyWarnings() throws IOException {
        var file = Files.writeString(dir.resolve("apprunner.yaml"), VALID + "scaling: {max: 1}\n").toString();

        assertThat(run("validate", file)).isEqualTo(ConfigCli.EXIT_OK);
        assertThat(out()).endsWith("checked 1 path: 0 errors, 1 warning\n");
    }

    @Test
    void validatesTheApprunnerYamlOfADirectory() throws IOException {
        var service = Files.createDirectory(dir.resolve("service"));
        Files.writeString(service.resolve("apprunner.yaml"), VALID.replace("version: 1.0", "version: 2"));

        assertThat(run("validate", service.toString())).isEqualTo(ConfigCli.EXIT_OK);
        assertThat(out()).isEqualTo(service + "/apprunner.yaml:1:10: warning: version: \"2\" is not a known version; "
                + "Slipway reads the file as version 1.0, write version: 1.0\n"
                + "checked 1 path: 0 errors, 1 warning\n");
    }

    @Test
    void exitsOneForADirectoryWithNothingBuildable() throws IOException {
        var empty = Files.createDirectory(dir.resolve("empty")) + "/";

        assertThat(run("validate", empty)).isEqualTo(ConfigCli.EXIT_ERRORS);
        assertThat(out()).isEqualTo(empty + ": error: no apprunner.yaml, Dockerfile or Makefile in " + empty
                + ", and no Procfile; add an apprunner.yaml (see docs/apprunner-yaml.md)\nchecked 1 path: 1 error, 0 "
                + "warnings\n");
    }

    @Test
    void exitsTwoForAMissingFile() {
        var missing = dir.resolve("missing.yaml").toString();

        assertThat(run("validate", invalid, missing)).isEqualTo(ConfigCli.EXIT_USAGE);
        assertThat(err()).isEqualTo("slipway-config: cannot read " + missing + ": no such file or directory\n");
        assertThat(out()).endsWith("checked 1 path: 1 error, 1 warning\n");
    }

    @Test
    void locatesBytesThatAreNotUtf8() throws IOException {
        var latin1 = Files.write(dir.resolve("latin1.yaml"),
                (VALID + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1)).toString();

        assertThat(run("validate", latin1)).isEqualTo(ConfigCli.EXIT_ERRORS);
        assertThat(out()).isEqualTo(latin1 + ":8:6: error: the file is not UTF-8 text here: bytes that are not "
                + "UTF-8 were read as U+FFFD; save the file as UTF-8\nchecked 1 path: 1 error, 0 warnings\n");
    }

    @Test
    void exitsTwoForUsageErrors() {
        assertThat(run()).isEqualTo(ConfigCli.EXIT_USAGE);
        assertThat(err()).startsWith("usage: slipway-config validate [--json] FILE|DIR...");

        assertThat(run("check", valid)).isEqualTo(ConfigCli.EXIT_USAGE);
        assertThat(err()).contains("slipway-config: unknown command \"check\"");

        assertThat(run("validate")).isEqualTo(ConfigCli.EXIT_USAGE);
        assertThat(run("validate", "--strict", valid)).isEqualTo(ConfigCli.EXIT_USAGE);
        assertThat(err()).contains("slipway-config: unknown option \"--strict\"");
        assertThat(out()).isEmpty();
    }

    @Test
    void printsAJsonReportPerPathForMachines() throws IOException {
        var quoted = Files.writeString(dir.resolve("quoted.yaml"), VALID.replace("python3 app.py",
                "python3 \"app.py\"\n  ports: 80")).toString();

        assertThat(run("validate", "--json", valid, quoted)).isEqualTo(ConfigCli.EXIT_OK);
        assertThat(out()).isEqualTo("[\n  {\"file\": " + json(valid) + ", \"problems\": [], \"errors\": 0, "
                + "\"warnings\": 0},\n  {\"file\": " + json(quoted) + ", \"problems\": [{\"file\": " + json(quoted)
                + ", \"line\": 8, \"column\": 3, \"severity\": \"warning\", \"key\": \"run.ports\", \"message\": "
                + "\"unknown key; did you mean run.network.port?\"}], \"errors\": 0, \"warnings\": 1}\n]\n");
    }

    @Test
    void exitsOneWithJsonWhenThereIsAnError() {
        assertThat(run("validate", invalid, "--json")).isEqualTo(ConfigCli.EXIT_ERRORS);
        assertThat(out()).startsWith("[\n  {\"file\": " + json(invalid) + ", \"problems\": [{").endsWith(
                "\"errors\": 1, \"warnings\": 1}\n]\n");
    }

    @Test
    void printsUsageOnRequest() {
        assertThat(run("--help")).isEqualTo(ConfigCli.EXIT_OK);
        assertThat(out()).isEqualTo(ConfigCli.USAGE + "\n");
    }

    private int run(String... args) {
        return ConfigCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
