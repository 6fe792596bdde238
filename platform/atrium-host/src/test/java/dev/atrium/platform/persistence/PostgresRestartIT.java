package dev.atrium.platform.persistence;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The restart contract on PostgreSQL, configured only through {@code spring.r2dbc.*} as an operator would.
 * Each test gets a database of its own on the server at {@code ATRIUM_TEST_PG} (default
 * {@code 127.0.0.1:5432}, user {@code postgres}, trust auth), dropped afterwards.
 */
class PostgresRestartIT extends RestartContract {

    static final String SERVER = System.getenv().getOrDefault("ATRIUM_TEST_PG", "127.0.0.1:5432");
    static final String USER = System.getenv().getOrDefault("ATRIUM_TEST_PG_USER", "postgres");

    String database;

    @BeforeEach
    void createDatabase() throws Exception {
        database = "atrium_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = connect("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
    }

    @AfterEach
    void dropDatabase() throws Exception {
        try (Connection c = connect("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Override
    Map<String, Object> databaseProperties() {
        return Map.of("spring.r2dbc.url", "r2dbc:postgresql://" + SERVER + "/" + database,
                "spring.r2dbc.username", USER, "spring.r2dbc.password", "");
    }

    @Override
    Connection jdbc() throws Exception {
        return connect("jdbc:postgresql://" + SERVER + "/" + database, USER, "");
    }
}
