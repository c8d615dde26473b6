package dev.slipway.platform.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void keepsJdbcUrlsAsTheyAre() {
        var url = DatabaseUrl.parse("jdbc:postgresql://db.internal:5433/slipway?user=app&password=secret");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/slipway?user=app&password=secret");
        assertThat(url.username()).isEmpty();
    }

    @Test
    void turnsPlatformStyleUrlsIntoJdbcWithCredentials() {
        var url = DatabaseUrl.parse("postgres://app:s%40cret@db.internal:5433/slipway?sslmode=require");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/slipway?sslmode=require");
        assertThat(url.username()).isEqualTo(Optional.of("app"));
        assertThat(url.password()).isEqualTo(Optional.of("s@cret"));
    }

    @Test
    void rejectsOtherSchemesWithoutEchoingThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://app:secret@db/slipway"))
                .hasMessageContaining("must start with jdbc:postgresql://")
                .hasMessageNotContaining("secret");
    }
}
