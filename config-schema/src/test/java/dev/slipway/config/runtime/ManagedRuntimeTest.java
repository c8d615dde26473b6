package dev.slipway.config.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ManagedRuntimeTest {

    @Test
    void listsAppRunnersThirteenRuntimesThenSlipwaysExtensions() {
        assertThat(ManagedRuntime.fileNames()).containsExactly("python3", "python311", "nodejs12", "nodejs14",
                "nodejs16", "nodejs18", "nodejs22", "corretto8", "corretto11", "dotnet6", "php81", "ruby31", "go1",
                "python312", "python313", "nodejs20", "corretto17", "corretto21");
        assertThat(Arrays.stream(ManagedRuntime.values()).filter(ManagedRuntime::appRunnerRuntime)).hasSize(13);
    }

    @Test
    void findsARuntimeByItsExactFileNameOrApiForm() {
        assertThat(ManagedRuntime.fromFileName("python311")).contains(ManagedRuntime.PYTHON_311);
        assertThat(ManagedRuntime.fromFileName("Python311")).isEmpty();
        assertThat(ManagedRuntime.fromFileName("PYTHON_311")).isEmpty();
        assertThat(ManagedRuntime.fromName("PYTHON_311")).contains(ManagedRuntime.PYTHON_311);
        assertThat(ManagedRuntime.fromName("CORRETTO_21")).contains(ManagedRuntime.CORRETTO_21);
        assertThat(ManagedRuntime.fromName("python_311")).isEmpty();
    }

    @Test
    void marksTheRuntimesThatUseTheRevisedBuild() {
        assertThat(Arrays.stream(ManagedRuntime.values()).filter(ManagedRuntime::revisedBuild)).containsExactly(
                ManagedRuntime.PYTHON_311, ManagedRuntime.NODEJS_18, ManagedRuntime.NODEJS_22,
                ManagedRuntime.PYTHON_312, ManagedRuntime.PYTHON_313, ManagedRuntime.NODEJS_20,
                ManagedRuntime.CORRETTO_17, ManagedRuntime.CORRETTO_21);
        assertThat(ManagedRuntime.GO_1.buildProcess()).isEqualTo(BuildProcess.ORIGINAL);
    }

    @Test
    void describesTheLanguageAndItsVersions() {
        assertThat(ManagedRuntime.PYTHON_3.description()).isEqualTo("Python 3.7 or 3.8");
        assertThat(ManagedRuntime.CORRETTO_21.description()).isEqualTo("Java (Amazon Corretto) 21");
        assertThat(ManagedRuntime.NODEJS_22.hostCommand()).isEqualTo("node");
        assertThat(ManagedRuntime.PYTHON_311.apiName()).isEqualTo("PYTHON_311");
    }

    @Test
    void acceptsVersionsOfItsLanguageVersionOnly() {
        assertThat(ManagedRuntime.PYTHON_3.acceptsVersion("3")).isTrue();
        assertThat(ManagedRuntime.PYTHON_3.acceptsVersion("3.8.16")).isTrue();
        assertThat(ManagedRuntime.PYTHON_3.acceptsVersion("3.7")).isTrue();
        assertThat(ManagedRuntime.PYTHON_3.acceptsVersion("3.11")).isFalse();
        assertThat(ManagedRuntime.PYTHON_311.acceptsVersion("3.11.14")).isTrue();
        assertThat(ManagedRuntime.PYTHON_311.acceptsVersion("3.1")).isFalse();
        assertThat(ManagedRuntime.CORRETTO_11.acceptsVersion("11.0.13.08.1")).isTrue();
        assertThat(ManagedRuntime.GO_1.acceptsVersion("1.21.0")).isTrue();
        assertThat(ManagedRuntime.NODEJS_16.acceptsVersion("latest")).isFalse();
        assertThat(ManagedRuntime.PYTHON_311.providesVersion("3")).isFalse();
    }

    @Test
    void namesItsOfficialAndOfflineImages() {
        assertThat(ManagedRuntime.PYTHON_3.officialImage()).isEqualTo("python:3.8-slim");
        assertThat(ManagedRuntime.PYTHON_311.officialImage()).isEqualTo("python:3.11");
        assertThat(ManagedRuntime.PYTHON_311.offlineImage()).contains("slipway/runtime-python3:bookworm");
        assertThat(ManagedRuntime.PYTHON_312.offlineImage()).contains("slipway/runtime-python3:bookworm");
        assertThat(ManagedRuntime.CORRETTO_8.offline()).contains(OfflineImage.JAVA);
        assertThat(ManagedRuntime.GO_1.officialImage()).isEqualTo("golang:1");
        assertThat(ManagedRuntime.DOTNET_6.offlineImage()).isEmpty();
    }
}
