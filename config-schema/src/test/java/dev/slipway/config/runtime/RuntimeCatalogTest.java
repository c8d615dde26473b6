package dev.slipway.config.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeCatalogTest {

    private static final String OFFLINE_PYTHON = "slipway/runtime-python3:bookworm";
    private static final RuntimeCatalog DEFAULTS = RuntimeCatalog.defaults();

    @TempDir
    Path dir;

    @Test
    void knowsEveryRuntime() {
        assertThat(DEFAULTS.runtimes()).containsExactlyElementsOf(ManagedRuntime.fileNames());
    }

    @Test
    void buildsAndRunsOriginalBuildRuntimesOnOneImage() {
        assertThat(image("python3")).isEqualTo(
                new RuntimeImage("python3", List.of("python:3.8-slim", OFFLINE_PYTHON), "python3"));
        assertThat(image("nodejs12")).isEqualTo(new RuntimeImage("nodejs12", List.of("node:12-slim"), "node"));
        assertThat(image("corretto11")).isEqualTo(new RuntimeImage("corretto11",
                List.of("maven:3-amazoncorretto-11", "amazoncorretto:11"), "java"));
        assertThat(image("corretto8").candidates()).containsExactly("maven:3-amazoncorretto-8", "amazoncorretto:8");
        assertThat(image("dotnet6")).isEqualTo(
                new RuntimeImage("dotnet6", List.of("mcr.microsoft.com/dotnet/sdk:6.0"), "dotnet"));
        assertThat(image("php81")).isEqualTo(new RuntimeImage("php81", List.of("php:8.1-cli"), "php"));
        assertThat(image("ruby31")).isEqualTo(new RuntimeImage("ruby31", List.of("ruby:3.1-slim"), "ruby"));
        assertThat(image("go1")).isEqualTo(new RuntimeImage("go1", List.of("golang:1"), "go"));
        assertThat(ManagedRuntime.fileNames().stream().map(RuntimeCatalogTest::image)
                .filter(RuntimeImage::buildsAndRunsOnOneImage).map(RuntimeImage::runtime))
                .containsExactlyElementsOf(ManagedRuntime.fileNames().stream()
                        .filter(name -> !ManagedRuntime.fromFileName(name).orElseThrow().revisedBuild()).toList());
    }

    @Test
    void runsRevisedBuildRuntimesOnSlimmerImages() {
        assertThat(image("python311")).isEqualTo(new RuntimeImage("python311",
                List.of("python:3.11", OFFLINE_PYTHON), List.of("python:3.11-slim", OFFLINE_PYTHON), "python3"));
        assertThat(image("nodejs22")).isEqualTo(new RuntimeImage("nodejs22", List.of("node:22"),
                List.of("node:22-slim"), "node"));
        assertThat(image("python313")).isEqualTo(new RuntimeImage("python313", List.of("python:3.13"),
                List.of("python:3.13-slim"), "python3"));
        assertThat(image("corretto21")).isEqualTo(new RuntimeImage("corretto21",
                List.of("maven:3-amazoncorretto-21", "amazoncorretto:21"), List.of("amazoncorretto:21"), "java"));
        assertThat(image("nodejs22").candidates()).isEqualTo(image("nodejs22").buildCandidates());
    }

    @Test
    void putsAVersionSpecificTagFirstForAPreciseRuntimeVersion() {
        assertThat(versioned("python3", "3.8.16").candidates())
                .containsExactly("python:3.8.16-slim", "python:3.8-slim", OFFLINE_PYTHON);
        assertThat(versioned("python311", "3.11.7")).isEqualTo(new RuntimeImage("python311",
                List.of("python:3.11.7", "python:3.11", OFFLINE_PYTHON),
                List.of("python:3.11.7-slim", "python:3.11-slim", OFFLINE_PYTHON), "python3"));
        assertThat(versioned("nodejs16", "16.19.0").candidates()).containsExactly("node:16.19.0-slim", "node:16-slim");
        assertThat(versioned("go1", "1.22").candidates()).containsExactly("golang:1.22", "golang:1");
        assertThat(versioned("ruby31", "3.1.2").candidates()).containsExactly("ruby:3.1.2-slim", "ruby:3.1-slim");
    }

    @Test
    void ignoresARuntimeVersionThatAddsNothingOrDoesNotFit() {
        assertThat(versioned("python3", "3")).isEqualTo(image("python3"));
        assertThat(versioned("python3", "3.8").candidates()).containsExactly("python:3.8-slim", OFFLINE_PYTHON);
        assertThat(versioned("python3", "3.11.7")).isEqualTo(image("python3"));
        assertThat(versioned("nodejs18", "latest")).isEqualTo(image("nodejs18"));
        assertThat(versioned("corretto11", "11.0.13.08.1")).isEqualTo(image("corretto11"));
    }

    @Test
    void knowsNothingAboutUnknownRuntimes() {
        assertThat(DEFAULTS.lookup("python3.11")).isEmpty();
        assertThat(DEFAULTS.lookup("PYTHON_311", Optional.of("3.11"))).isEmpty();
    }

    @Test
    void anOverrideReplacesBuildAndRunImagesAndKeepsTheHostCommand() {
        var catalog = DEFAULTS.withOverrides(Map.of("python311", " registry.local/python:3.11 , " + OFFLINE_PYTHON
                + " ,"));

        assertThat(catalog.lookup("python311").orElseThrow()).isEqualTo(new RuntimeImage("python311",
                List.of("registry.local/python:3.11", OFFLINE_PYTHON), "python3"));
        assertThat(catalog.lookup("python3")).isEqualTo(DEFAULTS.lookup("python3"));
    }

    @Test
    void aRunOverrideReplacesOnlyTheRunImages() {
        var catalog = DEFAULTS.withOverrides(Map.of(
                "nodejs22", "registry.local/node:22",
                "nodejs22.run", "registry.local/node:22-slim",
                "python311.run", "registry.local/python:3.11-slim"));

        assertThat(catalog.lookup("nodejs22").orElseThrow()).isEqualTo(new RuntimeImage("nodejs22",
                List.of("registry.local/node:22"), List.of("registry.local/node:22-slim"), "node"));
        assertThat(catalog.lookup("python311").orElseThrow()).isEqualTo(new RuntimeImage("python311",
                List.of("python:3.11", OFFLINE_PYTHON), List.of("registry.local/python:3.11-slim"), "python3"));
    }

    @Test
    void anOverrideMayUseTheVersionPlaceholder() {
        var catalog = DEFAULTS.withOverrides(Map.of("python3",
                "registry.local/python:{version}-slim, registry.local/python:3.8-slim"));

        assertThat(catalog.lookup("python3", Optional.of("3.8.16")).orElseThrow().candidates())
                .containsExactly("registry.local/python:3.8.16-slim", "registry.local/python:3.8-slim");
        assertThat(catalog.lookup("python3").orElseThrow().candidates())
                .containsExactly("registry.local/python:3.8-slim");
    }

    @Test
    void rejectsAnOverrideForAnUnknownRuntime() {
        assertThatThrownBy(() -> DEFAULTS.withOverrides(Map.of("pyhton3", "python:3.8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown runtime \"pyhton3\"; use one of python3, python311, nodejs12, nodejs14, "
                        + "nodejs16, nodejs18, nodejs22, corretto8, corretto11, dotnet6, php81, ruby31, go1, python312, "
                        + "python313, nodejs20, corretto17, corretto21 (or a runtime name with .run)");
    }

    @Test
    void rejectsRunImagesForARuntimeThatRunsWhereItWasBuilt() {
        assertThatThrownBy(() -> DEFAULTS.withOverrides(Map.of("go1.run", "registry.local/golang:1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("go1.run: go1 uses the original build, which builds and runs on one image; set go1 instead");
    }

    @Test
    void rejectsAnOverrideWhoseImagesAllNeedARuntimeVersion() {
        assertThatThrownBy(() -> DEFAULTS.withOverrides(Map.of("ruby31", "ruby:{version}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ruby31: every image contains {version}, which applies only when an app sets "
                        + "run.runtime-version; add an image without it, e.g. ruby31=ruby:3.1-slim");
    }

    @Test
    void loadsTheDefaultsWhenThePropertiesFileIsMissing() {
        var catalog = RuntimeCatalog.load(dir.resolve("runtime-images.properties"));

        assertThat(catalog.lookup("go1")).isEqualTo(DEFAULTS.lookup("go1"));
    }

    @Test
    void loadsOverridesFromAPropertiesFile() throws IOException {
        var file = Files.writeString(dir.resolve("runtime-images.properties"), """
                # images on the local registry
                nodejs18 = registry.local/node:18, node:18-slim
                nodejs18.run = registry.local/node:18-slim
                go1: registry.local/golang:1
                """);

        var catalog = RuntimeCatalog.load(file);

        assertThat(catalog.lookup("nodejs18").orElseThrow().candidates())
                .containsExactly("registry.local/node:18", "node:18-slim");
        assertThat(catalog.lookup("nodejs18").orElseThrow().runCandidates())
                .containsExactly("registry.local/node:18-slim");
        assertThat(catalog.lookup("go1").orElseThrow().candidates()).containsExactly("registry.local/golang:1");
        assertThat(catalog.lookup("python3")).isEqualTo(DEFAULTS.lookup("python3"));
    }

    @Test
    void rejectsABadPropertiesFileNamingTheFileAndTheKey() throws IOException {
        var badKey = Files.writeString(dir.resolve("bad-key.properties"), "nodejs21=node:21-slim\n");
        var noImage = Files.writeString(dir.resolve("no-image.properties"), "go1= , \n");

        assertThatThrownBy(() -> RuntimeCatalog.load(badKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(badKey + ": unknown runtime \"nodejs21\"; use one of python3, ");
        assertThatThrownBy(() -> RuntimeCatalog.load(noImage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(noImage + ": go1: no image given; list one or more images, e.g. go1=golang:1");
    }

    private static RuntimeImage image(String runtime) {
        return DEFAULTS.lookup(runtime).orElseThrow();
    }

    private static RuntimeImage versioned(String runtime, String version) {
        return DEFAULTS.lookup(runtime, Optional.of(version)).orElseThrow();
    }
}
