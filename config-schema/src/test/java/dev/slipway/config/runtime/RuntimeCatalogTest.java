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
    private static final String OFFLINE_NODE = "slipway/runtime-nodejs18:bookworm";
    private static final String OFFLINE_JAVA = "slipway/runtime-java17:bookworm";
    private static final String OFFLINE_GO = "slipway/runtime-go:bookworm";
    private static final String OFFLINE_RUBY = "slipway/runtime-ruby:bookworm";
    private static final String OFFLINE_PHP = "slipway/runtime-php:bookworm";
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
        assertThat(image("nodejs12")).isEqualTo(new RuntimeImage("nodejs12", List.of("node:12-slim", OFFLINE_NODE), "node"));
        assertThat(image("corretto11")).isEqualTo(new RuntimeImage("corretto11",
                List.of("maven:3-amazoncorretto-11", "amazoncorretto:11", OFFLINE_JAVA), "java"));
        assertThat(image("corretto8").candidates())
                .containsExactly("maven:3-amazoncorretto-8", "amazoncorretto:8", OFFLINE_JAVA);
        assertThat(image("dotnet6")).isEqualTo(
                new RuntimeImage("dotnet6", List.of("mcr.microsoft.com/dotnet/sdk:6.0"), "dotnet"));
        assertThat(image("php81")).isEqualTo(new RuntimeImage("php81", List.of("php:8.1-cli", OFFLINE_PHP), "php"));
        assertThat(image("ruby31")).isEqualTo(new RuntimeImage("ruby31", List.of("ruby:3.1-slim", OFFLINE_RUBY), "ruby"));
        assertThat(image("go1")).isEqualTo(new RuntimeImage("go1", List.of("golang:1", OFFLINE_GO), "go"));
        assertThat(ManagedRuntime.fileNames().stream().map(RuntimeCatalogTest::image)
                .filter(RuntimeImage::buildsAndRunsOnOneImage).map(RuntimeImage::runtime))
                .containsExactlyElementsOf(ManagedRuntime.fileNames().stream()
                        .filter(name -> !ManagedRuntime.fromFileName(name).orElseThrow().revisedBuild()).toList());
    }

    @Test
    void runsRevisedBuildRuntimesOnSlimmerImages() {
        assertThat(image("python311")).isEqualTo(new RuntimeImage("python311",
                List.of("python:3.11", OFFLINE_PYTHON), List.of("python:3.11-slim", OFFLINE_PYTHON), "python3"));
        assertThat(image("nodejs22")).isEqualTo(new RuntimeImage("nodejs22", List.of("node:22", OFFLINE_NODE),
                List.of("node:22-slim", OFFLINE_NODE), "node"));
        assertThat(image("python313")).isEqualTo(new RuntimeImage("python313", List.of("python:3.13", OFFLINE_PYTHON),
                List.of("python:3.13-slim", OFFLINE_PYTHON), "python3"));
        assertThat(image("corretto21")).isEqualTo(new RuntimeImage("corretto21",
                List.of("maven:3-amazoncorretto-21", "amazoncorretto:21", OFFLINE_JAVA),
                List.of("amazoncorretto:21", OFFLINE_JAVA), "java"));
        assertThat(image("nodejs22").candidates()).isEqualTo(image("nodejs22").buildCandidates());
    }

    @Test
    void everyRuntimeButDotnetFallsBackToItsLanguagesOfflineImageLastForBuildAndRun() {
        var expected = Map.of(ManagedRuntime.Language.PYTHON, OFFLINE_PYTHON, ManagedRuntime.Language.NODEJS,
                OFFLINE_NODE, ManagedRuntime.Language.CORRETTO, OFFLINE_JAVA, ManagedRuntime.Language.GO, OFFLINE_GO,
                ManagedRuntime.Language.RUBY, OFFLINE_RUBY, ManagedRuntime.Language.PHP, OFFLINE_PHP);
        for (var runtime : ManagedRuntime.values()) {
            var images = image(runtime.fileName());
            var offline = expected.get(runtime.language());
            if (offline == null) {
                assertThat(images.buildCandidates()).as(runtime.fileName()).noneMatch(i -> i.startsWith("slipway/"));
                continue;
            }
            assertThat(images.buildCandidates()).as(runtime.fileName()).last().isEqualTo(offline);
            assertThat(images.runCandidates()).as(runtime.fileName()).last().isEqualTo(offline);
            assertThat(versioned(runtime.fileName(), runtime.versions().get(0) + ".1").runCandidates())
                    .as(runtime.fileName()).last().isEqualTo(offline);
            assertThat(runtime.offlineImage()).contains(offline);
        }
        assertThat(ManagedRuntime.DOTNET_6.offlineImage()).isEmpty();
    }

    @Test
    void anOverrideWithoutTheOfflineImageHasNoFallback() {
        var catalog = DEFAULTS.withOverrides(Map.of("corretto11", "registry.local/corretto:11"));

        assertThat(catalog.lookup("corretto11").orElseThrow().candidates()).containsExactly("registry.local/corretto:11");
    }

    @Test
    void saysWhatAnOfflineImageLacksForARuntime() {
        assertThat(DEFAULTS.differences("corretto11", Optional.empty(), OFFLINE_JAVA)).contains(
                "built on OpenJDK 17 from Debian bookworm; no Java (Amazon Corretto) 11 image here");
        assertThat(DEFAULTS.differences("nodejs20", Optional.empty(), OFFLINE_NODE))
                .contains("built on Node.js 18 from Debian bookworm; no Node.js 20 image here");
        assertThat(DEFAULTS.differences("python3", Optional.of("3.8.16"), OFFLINE_PYTHON))
                .contains("built on Python 3.11 from Debian bookworm; no Python 3.8.16 image here");
        assertThat(DEFAULTS.differences("python3", Optional.empty(), OFFLINE_PYTHON))
                .contains("built on Python 3.11 from Debian bookworm; no Python 3.7 or 3.8 image here");
        assertThat(DEFAULTS.differences("php81", Optional.empty(), OFFLINE_PHP))
                .contains("built on PHP 8.2 from Debian bookworm; no PHP 8.1 image here");
        assertThat(DEFAULTS.differences("go1", Optional.of("1.22"), OFFLINE_GO))
                .contains("built on Go 1.23 from Debian bookworm-backports; no Go 1.22 image here");
    }

    @Test
    void saysNothingWhenTheImageProvidesTheVersionOrIsNotAnOfflineImage() {
        assertThat(DEFAULTS.differences("python311", Optional.empty(), OFFLINE_PYTHON)).isEmpty();
        assertThat(DEFAULTS.differences("python311", Optional.of("3.11.7"), OFFLINE_PYTHON)).isEmpty();
        assertThat(DEFAULTS.differences("nodejs18", Optional.of("18.19.0"), OFFLINE_NODE)).isEmpty();
        assertThat(DEFAULTS.differences("corretto17", Optional.empty(), OFFLINE_JAVA)).isEmpty();
        assertThat(DEFAULTS.differences("go1", Optional.empty(), OFFLINE_GO)).isEmpty();
        assertThat(DEFAULTS.differences("go1", Optional.of("1.23.4"), OFFLINE_GO)).isEmpty();
        assertThat(DEFAULTS.differences("ruby31", Optional.of("latest"), OFFLINE_RUBY)).isEmpty();
        assertThat(DEFAULTS.differences("corretto11", Optional.empty(), "amazoncorretto:11")).isEmpty();
        assertThat(DEFAULTS.differences("ruby4", Optional.empty(), OFFLINE_RUBY)).isEmpty();
    }

    @Test
    void describesWhatAnImageCarries() {
        assertThat(DEFAULTS.describe(OFFLINE_JAVA)).contains("OpenJDK 17 from Debian bookworm with java, javac, "
                + "mvn (Maven 3.8), gradle (Gradle 4.4), curl, git");
        assertThat(DEFAULTS.describe("python:3.11-slim")).contains("the official Python image with python3, pip, venv");
        assertThat(DEFAULTS.describe("docker.io/library/node:18")).contains(
                "the official Node.js image with node, npm, yarn");
        assertThat(DEFAULTS.describe("mcr.microsoft.com/dotnet/sdk:6.0")).contains("the .NET SDK image with dotnet");
        assertThat(DEFAULTS.describe("registry.local/python:3.11")).isEmpty();
    }

    @Test
    void putsAVersionSpecificTagFirstForAPreciseRuntimeVersion() {
        assertThat(versioned("python3", "3.8.16").candidates())
                .containsExactly("python:3.8.16-slim", "python:3.8-slim", OFFLINE_PYTHON);
        assertThat(versioned("python311", "3.11.7")).isEqualTo(new RuntimeImage("python311",
                List.of("python:3.11.7", "python:3.11", OFFLINE_PYTHON),
                List.of("python:3.11.7-slim", "python:3.11-slim", OFFLINE_PYTHON), "python3"));
        assertThat(versioned("nodejs16", "16.19.0").candidates()).containsExactly("node:16.19.0-slim", "node:16-slim", OFFLINE_NODE);
        assertThat(versioned("go1", "1.22").candidates()).containsExactly("golang:1.22", "golang:1", OFFLINE_GO);
        assertThat(versioned("ruby31", "3.1.2").candidates()).containsExactly("ruby:3.1.2-slim", "ruby:3.1-slim", OFFLINE_RUBY);
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
