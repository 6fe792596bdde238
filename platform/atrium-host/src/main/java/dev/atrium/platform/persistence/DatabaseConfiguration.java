package dev.atrium.platform.persistence;

import dev.atrium.platform.config.AtriumProperties;
import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.h2.H2ConnectionOption;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.scheduler.Schedulers;

/**
 * The host's database. With no {@code spring.r2dbc.url} it is an H2 file under the data home, so a fresh
 * machine needs no setup; otherwise Spring Boot's standard {@code spring.r2dbc.*} properties name it
 * (PostgreSQL in production). Flyway migrates it before anything reads it, over JDBC settings derived from
 * the R2DBC ones unless {@code spring.flyway.url}/{@code user}/{@code password} are given.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    Database database(Environment env, AtriumProperties properties) {
        String r2dbcUrl = env.getProperty("spring.r2dbc.url");
        String user = env.getProperty("spring.r2dbc.username");
        String password = env.getProperty("spring.r2dbc.password");
        boolean embedded = r2dbcUrl == null || r2dbcUrl.isBlank();
        String file = DatabaseUrls.embeddedFile(properties.home());
        if (embedded) {
            r2dbcUrl = "r2dbc:h2:file:///" + file.replaceFirst("^/", "");
            user = user == null ? "sa" : user;
            password = password == null ? "" : password;
        }
        String jdbcUrl = env.getProperty("spring.flyway.url",
                embedded ? DatabaseUrls.embeddedJdbc(properties.home()) : DatabaseUrls.jdbcFor(r2dbcUrl));
        String jdbcUser = env.getProperty("spring.flyway.user", user == null ? "" : user);
        String jdbcPassword = env.getProperty("spring.flyway.password", password == null ? "" : password);

        Flyway flyway = Flyway.configure()
                .dataSource(jdbcUrl, jdbcUser, jdbcPassword)
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        log.info("Database {} at schema version {} ({} migrations applied)", redact(r2dbcUrl),
                result.targetSchemaVersion == null ? flyway.info().current().getVersion() : result.targetSchemaVersion,
                result.migrationsExecuted);

        ConnectionFactory factory;
        if (embedded) {
            // Kept open while the JVM runs (the pool may drop to no connections). Not closed by H2's own
            // shutdown hook: Spring closes it after the write-behind queues have flushed.
            factory = new H2ConnectionFactory(H2ConnectionConfiguration.builder().file(file)
                    .username(user).password(password)
                    .property(H2ConnectionOption.DB_CLOSE_DELAY, "-1")
                    .property(H2ConnectionOption.DB_CLOSE_ON_EXIT, "FALSE").build());
        } else {
            ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(r2dbcUrl).mutate();
            if (user != null) {
                options.option(ConnectionFactoryOptions.USER, user);
            }
            if (password != null) {
                options.option(ConnectionFactoryOptions.PASSWORD, password);
            }
            factory = ConnectionFactories.get(options.build());
        }
        int maxSize = env.getProperty("spring.r2dbc.pool.max-size", Integer.class, 10);
        ConnectionPool pool = new ConnectionPool(ConnectionPoolConfiguration.builder(factory)
                .initialSize(Math.min(2, maxSize))
                .maxSize(maxSize)
                .maxIdleTime(Duration.ofMinutes(30))
                .validationQuery("SELECT 1")
                .build());
        // PostgreSQL's driver is non-blocking; H2's works on the calling thread and is moved off the event loop,
        // whether it is the embedded file or an H2 URL an operator configured (file or in-memory).
        boolean blockingDriver = embedded || r2dbcUrl.trim().startsWith("r2dbc:h2:");
        ConnectionFactory connections = blockingDriver
                ? new BlockingDriverConnections(pool, Schedulers.boundedElastic()) : pool;
        return new Database(pool, connections, embedded, isPostgres(r2dbcUrl));
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool connectionFactory(Database database) {
        return database.pool();
    }

    @Bean
    DatabaseClient databaseClient(Database database) {
        return DatabaseClient.create(database.connections());
    }

    @Bean
    R2dbcTransactionManager transactionManager(Database database) {
        return new R2dbcTransactionManager(database.connections());
    }

    @Bean
    TransactionalOperator transactionalOperator(R2dbcTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    private static boolean isPostgres(String url) {
        return url.contains(":postgresql:") || url.contains(":postgres:");
    }

    /** The URL without a password a user may have put in it. */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * The migrated database's connection pool.
     *
     * @param pool the pooled connections
     * @param connections what queries take their connections from: the pool, handed over off the event
     *                    loop when the driver blocks
     * @param embedded the default H2 file under the data home
     * @param postgres a PostgreSQL server
     */
    public record Database(ConnectionPool pool, ConnectionFactory connections, boolean embedded, boolean postgres) {
    }
}
