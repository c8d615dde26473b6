package dev.slipway.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokenAuthenticationFilterTest {

    @Test
    void readsBearerTokens() {
        assertThat(TokenAuthenticationFilter.presentedToken("Bearer abc123")).isEqualTo("abc123");
        assertThat(TokenAuthenticationFilter.presentedToken("bearer abc123 ")).isEqualTo("abc123");
    }

    @Test
    void readsTheBasicPasswordWhateverTheUserName() {
        var header = "Basic " + Base64.getEncoder().encodeToString("anyone:abc:123".getBytes(StandardCharsets.UTF_8));

        assertThat(TokenAuthenticationFilter.presentedToken(header)).isEqualTo("abc:123");
    }

    @Test
    void findsNoTokenInMalformedHeaders() {
        assertThat(TokenAuthenticationFilter.presentedToken(null)).isNull();
        assertThat(TokenAuthenticationFilter.presentedToken("Basic !!!")).isNull();
        assertThat(TokenAuthenticationFilter.presentedToken("Basic " + Base64.getEncoder()
                .encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)))).isNull();
        assertThat(TokenAuthenticationFilter.presentedToken("Digest x")).isNull();
    }
}
