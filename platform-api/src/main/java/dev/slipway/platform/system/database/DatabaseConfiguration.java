package dev.slipway.platform.system.database;

import com.zaxxer.hikari.HikariDataSource;
import dev.slipway.platform.system.SlipwayProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Slipway's database: the PostgreSQL named by {@code SLIPWAY_DATABASE_URL}, or else the embedded
 * server with its data under {@code $SLIPWAY_HOME/postgres}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final int POOL_SIZE = 10;

    @Bean
    DataSource dataSource(SlipwayProperties properties) {
        if (!properties.databaseUrl().isBlank()) {
            var url = DatabaseUrl.parse(properties.databaseUrl());
            var dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(url.jdbcUrl());
            url.username().ifPresent(dataSource::setUsername);
            url.password().ifPresent(dataSource::setPassword);
            dataSource.setMaximumPoolSize(POOL_SIZE);
            return dataSource;
        }
        var server = EmbeddedPostgres.start(properties.databaseDirectory());
        var dataSource = new EmbeddedServerDataSource(server);
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(POOL_SIZE);
        return dataSource;
    }

    /** Closes the embedded server after the pool, so no connection outlives it. */
    static final class EmbeddedServerDataSource extends HikariDataSource {

        private final EmbeddedPostgres server;

        EmbeddedServerDataSource(EmbeddedPostgres server) {
            this.server = server;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                server.close();
            }
        }
    }
}
