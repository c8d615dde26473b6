package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BaseImagesTest {

    @Test
    void splitsReferencesIntoRepositoryAndTag() {
        assertThat(BaseImages.repository("python:3.8-slim")).isEqualTo("python");
        assertThat(BaseImages.tag("python:3.8-slim")).contains("3.8-slim");
        assertThat(BaseImages.repository("registry.local:5000/team/python"))
                .isEqualTo("registry.local:5000/team/python");
        assertThat(BaseImages.tag("registry.local:5000/team/python")).contains("latest");
        assertThat(BaseImages.repository("registry.local:5000/python:3.11")).isEqualTo("registry.local:5000/python");
    }

    @Test
    void keepsDigestReferencesWhole() {
        var reference = "python@sha256:" + "a".repeat(64);

        assertThat(BaseImages.repository(reference)).isEqualTo(reference);
        assertThat(BaseImages.tag(reference)).isEmpty();
    }
}
