package dev.slipway.build.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPasswordsTest {

    @Test
    void findsTheLoginPasswordOfAProxyAndTheTokenOfAnIndexURL() {
        var value = "http://alice:s3cret@proxy.corp:3128,https://tok3n-abc@pypi.fury.io/team/";

        assertThat(UrlPasswords.in(value)).containsExactly("s3cret", "tok3n-abc");
        assertThat(UrlPasswords.masked(value)).isEqualTo("http://alice:****@proxy.corp:3128,https://****@pypi.fury.io/team/");
    }

    @Test
    void aUrlEncodedPasswordIsFoundAsWrittenAndDecoded() {
        assertThat(UrlPasswords.in("http://bob:p%40ss%3Aword@proxy:8080")).containsExactly("p%40ss%3Aword", "p@ss:word");
    }

    @Test
    void aUrlWithoutLoginHasNothingToHide() {
        assertThat(UrlPasswords.in("http://proxy.corp:3128 https://proxy.goog.io")).isEmpty();
        assertThat(UrlPasswords.masked("http://proxy.corp:3128")).isEqualTo("http://proxy.corp:3128");
    }
}
