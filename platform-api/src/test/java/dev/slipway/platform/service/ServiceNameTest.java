package dev.slipway.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"hello", "ml-model-2", "ab", "a234567890123456789012345678901234567890"})
    void acceptsDnsLabelNames(String name) {
        assertThat(ServiceName.requireValid(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "Hello", "under_score", "-lead", "trail-", "9lives", "dot.ted",
            "a2345678901234567890123456789012345678901"})
    void rejectsNamesThatCannotBeHostNamesAndNamesTheRule(String name) {
        assertThatThrownBy(() -> ServiceName.requireValid(name))
                .hasMessage("'" + name + "' is not a valid service name: " + ServiceName.RULE);
    }

    @Test
    void rejectsTheNameOfTheConsolesCreatePage() {
        assertThatThrownBy(() -> ServiceName.requireValid("new"))
                .hasMessageContaining("'new' is reserved").hasMessageContaining("choose another service name");
        assertThat(ServiceName.requireValid("news")).isEqualTo("news");
    }
}
