package dev.slipway.platform.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled PostgreSQL server: starts from nothing, keeps its data across restarts, recovers
 * from a server left running, and runs even when Slipway is root (as in CI), where PostgreSQL
 * itself refuses to run.
 */
class EmbeddedPostgresIT {

    @TempDir
    Path directory;

    @Test
    void keepsDataAcrossRestarts() throws Exception {
        try (var server = EmbeddedPostgres.start(directory)) {
            execute(server, "create table kept (value text)");
            execute(server, "insert into kept values ('still here')");
        }
        try (var server = EmbeddedPostgres.start(directory);
             var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var result = connection.createStatement().executeQuery("select value from kept")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() throws Exception {
        try (var server = EmbeddedPostgres.start(directory)) {
            var url = server.jdbcUrl();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, server.username(), "guess"))
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void takesOverFromAServerLeftRunningByAKilledSlipway() throws Exception {
        var leftover = EmbeddedPostgres.start(directory);
        execute(leftover, "create table survived (value int)");

        try (var server = EmbeddedPostgres.start(directory)) {
            execute(server, "insert into survived values (1)");
            assertThat(server.port()).isNotEqualTo(leftover.port());
        }
        leftover.close();
    }

    private static void execute(EmbeddedPostgres server, String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
