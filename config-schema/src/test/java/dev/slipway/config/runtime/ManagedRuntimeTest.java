package dev.slipway.config.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ManagedRuntimeTest {

    @Test
    void listsTheThirteenAppRunnerRuntimeNames() {
        assertThat(ManagedRuntime.fileNames()).containsExactly("python3", "python311", "nodejs12", "nodejs14",
                "nodejs16", "nodejs18", "nodejs22", "corretto8", "corretto11", "dotnet6", "php81", "ruby31", "go1");
    }

    @Test
    void findsARuntimeByItsExactFileName() {
        assertThat(ManagedRuntime.fromFileName("python311")).contains(ManagedRuntime.PYTHON_311);
        assertThat(ManagedRuntime.fromFileName("Python311")).isEmpty();
        assertThat(ManagedRuntime.fromFileName("PYTHON_311")).isEmpty();
    }

    @Test
    void marksTheRuntimesThatUseTheRevisedBuild() {
        assertThat(Arrays.stream(ManagedRuntime.values()).filter(ManagedRuntime::revisedBuild))
                .containsExactly(ManagedRuntime.PYTHON_311, ManagedRuntime.NODEJS_18, ManagedRuntime.NODEJS_22);
    }
}
