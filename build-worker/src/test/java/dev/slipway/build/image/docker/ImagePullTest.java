package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagePullTest {

    @Test
    void splitsReferencesIntoRepositoryAndTag() {
        assertThat(ImagePull.repository("python:3.8-slim")).isEqualTo("python");
        assertThat(ImagePull.tag("python:3.8-slim")).contains("3.8-slim");
        assertThat(ImagePull.repository("registry.local:5000/team/python"))
                .isEqualTo("registry.local:5000/team/python");
        assertThat(ImagePull.tag("registry.local:5000/team/python")).contains("latest");
        assertThat(ImagePull.repository("registry.local:5000/python:3.11")).isEqualTo("registry.local:5000/python");
    }

    @Test
    void keepsDigestReferencesWhole() {
        var reference = "python@sha256:" + "a".repeat(64);

        assertThat(ImagePull.repository(reference)).isEqualTo(reference);
        assertThat(ImagePull.tag(reference)).isEmpty();
    }
}
