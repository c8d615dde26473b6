package dev.slipway.config.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeCatalogTest {

    private static final String OFFLINE_PYTHON = "slipway/runtime-python3:bookworm";

    @TempDir
    Path dir;

    @Test
    void mapsEveryKnownRuntimeToItsOfficialImageFirst() {
        var catalog = RuntimeCatalog.defaults();

        assertThat(catalog.runtimes()).containsExactlyInAnyOrderElementsOf(ManagedRuntime.fileNames());
        assertThat(image(catalog, "python3")).isEqualTo(
                new RuntimeImage("python3", List.of("python:3.8-slim", OFFLINE_PYTHON), "python3"));
        assertThat(image(catalog, "python311")).isEqualTo(
                new RuntimeImage("python311", List.of("python:3.11-slim", OFFLINE_PYTHON), "python3"));
        assertThat(image(catalog, "nodejs12").candidates()).containsExactly("node:12-slim");
        assertThat(image(catalog, "nodejs22")).isEqualTo(new RuntimeImage("nodejs22", List.of("node:22-slim"), "node"));
        assertThat(image(catalog, "corretto8")).isEqualTo(
                new RuntimeImage("corretto8", List.of("amazoncorretto:8"), "java"));
        assertThat(image(catalog, "corretto11").candidates()).containsExactly("amazoncorretto:11");
        assertThat(image(catalog, "dotnet6")).isEqualTo(
                new RuntimeImage("dotnet6", List.of("mcr.microsoft.com/dotnet/sdk:6.0"), "dotnet"));
        assertThat(image(catalog, "php81")).isEqualTo(new RuntimeImage("php81", List.of("php:8.1-cli"), "php"));
        assertThat(image(catalog, "ruby31")).isEqualTo(new RuntimeImage("ruby31", List.of("ruby:3.1-slim"), "ruby"));
        assertThat(image(catalog, "go1")).isEqualTo(new RuntimeImage("go1", List.of("golang:1"), "go"));
    }

    @Test
    void knowsNothingAboutUnknownRuntimes() {
        assertThat(RuntimeCatalog.defaults().lookup("python3.11")).isEmpty();
    }

    @Test
    void overridesReplaceTheCandidatesAndKeepTheHostCommand() {
        var catalog = RuntimeCatalog.defaults()
                .withOverrides(Map.of("python311", " registry.local/python:3.11 , " + OFFLINE_PYTHON + " ,"));

        assertThat(image(catalog, "python311")).isEqualTo(new RuntimeImage("python311",
                List.of("registry.local/python:3.11", OFFLINE_PYTHON), "python3"));
        assertThat(image(catalog, "python3")).isEqualTo(image(RuntimeCatalog.defaults(), "python3"));
    }

    @Test
    void rejectsAnOverrideForAnUnknownRuntime() {
        assertThatThrownBy(() -> RuntimeCatalog.defaults().withOverrides(Map.of("pyhton3", "python:3.8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown runtime \"pyhton3\"; use one of python3, python311, nodejs12, nodejs14, "
                        + "nodejs16, nodejs18, nodejs22, corretto8, corretto11, dotnet6, php81, ruby31, go1");
    }

    @Test
    void loadsTheDefaultsWhenThePropertiesFileIsMissing() {
        var catalog = RuntimeCatalog.load(dir.resolve("runtime-images.properties"));

        assertThat(image(catalog, "go1")).isEqualTo(image(RuntimeCatalog.defaults(), "go1"));
    }

    @Test
    void loadsOverridesFromAPropertiesFile() throws IOException {
        var file = Files.writeString(dir.resolve("runtime-images.properties"), """
                # images on the local registry
                nodejs18 = registry.local/node:18, node:18-slim
                go1: registry.local/golang:1
                """);

        var catalog = RuntimeCatalog.load(file);

        assertThat(image(catalog, "nodejs18").candidates()).containsExactly("registry.local/node:18", "node:18-slim");
        assertThat(image(catalog, "go1").candidates()).containsExactly("registry.local/golang:1");
        assertThat(image(catalog, "python3")).isEqualTo(image(RuntimeCatalog.defaults(), "python3"));
    }

    @Test
    void rejectsABadPropertiesFileNamingTheFileAndTheKey() throws IOException {
        var badKey = Files.writeString(dir.resolve("bad-key.properties"), "nodejs20=node:20-slim\n");
        var noImage = Files.writeString(dir.resolve("no-image.properties"), "go1= , \n");

        assertThatThrownBy(() -> RuntimeCatalog.load(badKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(badKey + ": unknown runtime \"nodejs20\"; use one of python3, ");
        assertThatThrownBy(() -> RuntimeCatalog.load(noImage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(noImage + ": go1: no image given; list one or more images, e.g. go1=golang:1");
    }

    private static RuntimeImage image(RuntimeCatalog catalog, String runtime) {
        return catalog.lookup(runtime).orElseThrow();
    }
}
