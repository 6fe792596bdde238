package dev.atrium.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.AtriumApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a restart must not lose, run against each database the host supports: finished runs with their
 * result, events, artifacts and usage are served again, and runs a dead process left unfinished are
 * reported failed with the reason.
 */
abstract class RestartContract {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @TempDir
    Path home;

    /** Database properties for the platform under test ({@code spring.r2dbc.*}); empty for the default. */
    abstract Map<String, Object> databaseProperties();

    /** JDBC access to the same database, to play a process that died mid-run. */
    abstract Connection jdbc() throws Exception;

    @Test
    void finishedRunsAndTheirArtifactsSurviveARestartAndInterruptedRunsAreMarkedFailed() throws Exception {
        String runId;
        String sha;
        try (ConfigurableApplicationContext first = start()) {
            WebTestClient http = client(first);
            Map<String, Object> run = http.post().uri("/api/skills/hello/echo/runs?wait=true")
                    .header("Content-Type", "application/json").bodyValue("{\"text\":\"kept across restarts\"}")
                    .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
            assertThat(run.get("status")).isEqualTo("succeeded");
            runId = (String) run.get("id");
            sha = (String) ((Map<?, ?>) ((List<?>) run.get("artifacts")).get(0)).get("sha256");
            // Plugin state goes to the database: a disabled plugin and a narrowed grant.
            http.post().uri("/api/plugins/education/disable").exchange().expectStatus().isOk()
                    .expectBody().consumeWith(r -> { });
            http.put().uri("/api/plugins/office/grants").header("Content-Type", "application/json")
                    .bodyValue("{\"capabilities\": [\"ocr\"]}").exchange().expectStatus().isOk()
                    .expectBody().consumeWith(r -> { });
        }
        assertThat(home.resolve("plugins").resolve("disabled.list")).doesNotExist();
        assertThat(home.resolve("plugins").resolve("grants.properties")).doesNotExist();
        try (Connection c = jdbc(); var rows = c.createStatement().executeQuery(
                "SELECT content FROM plugin_state WHERE state_name = 'disabled.list'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).contains("education");
        }
        // A host that died while running a skill leaves its row unfinished.
        try (Connection c = jdbc(); PreparedStatement insert = c.prepareStatement("INSERT INTO runs (id, "
                + "tenant_id, user_id, plugin_id, skill_id, plugin_version, status, created_at, started_at, inputs, "
                + "input_files) VALUES ('crashed-run', 'default', 'anonymous', 'hello', 'echo', '1', 'running', ?, ?, "
                + "'{}', '[]')")) {
            insert.setLong(1, System.currentTimeMillis());
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
        }

        try (ConfigurableApplicationContext second = start()) {
            WebTestClient http = client(second);
            Map<String, Object> run = http.get().uri("/api/runs/{id}", runId).exchange().expectStatus().isOk()
                    .expectBody(MAP).returnResult().getResponseBody();
            assertThat(run.get("status")).isEqualTo("succeeded");
            assertThat(((Map<?, ?>) run.get("result")).get("text")).isEqualTo("kept across restarts");
            assertThat(((Map<?, ?>) run.get("result")).get("words")).isEqualTo(3);
            assertThat(run.get("durationMs")).isNotNull();

            byte[] artifact = http.get().uri("/api/runs/{id}/artifacts/echo.txt", runId).exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(new String(artifact, StandardCharsets.UTF_8)).contains("kept across restarts");
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(artifact))).isEqualTo(sha);

            String events = http.get().uri("/api/runs/{id}/events", runId).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(events).contains("event:artifact").contains("event:result").endsWith("\"succeeded\"}\n\n");

            Map<String, Object> crashed = http.get().uri("/api/runs/crashed-run").exchange().expectStatus().isOk()
                    .expectBody(MAP).returnResult().getResponseBody();
            assertThat(crashed.get("status")).isEqualTo("failed");
            assertThat(((Map<?, ?>) crashed.get("error")).get("code")).isEqualTo("run-interrupted");

            List<Map<String, Object>> listed = http.get().uri("/api/runs?plugin=hello").exchange()
                    .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
            assertThat(listed).extracting(r -> r.get("id")).contains(runId, "crashed-run");
            List<Map<String, Object>> failed = http.get().uri("/api/runs?status=failed").exchange()
                    .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
            assertThat(failed).extracting(r -> r.get("id")).containsExactly("crashed-run");

            List<Map<String, Object>> plugins = http.get().uri("/api/plugins").exchange().expectStatus().isOk()
                    .expectBody(LIST).returnResult().getResponseBody();
            assertThat(plugins).filteredOn(p -> p.get("id").equals("education")).singleElement()
                    .satisfies(p -> assertThat(p.get("state")).isEqualTo("disabled"));
            assertThat(plugins).filteredOn(p -> p.get("id").equals("office")).singleElement()
                    .satisfies(p -> assertThat(((Map<?, ?>) p.get("capabilities")).get("granted")).isEqualTo(List.of("ocr")));

            Map<String, Object> usage = http.get().uri("/api/usage").exchange().expectStatus().isOk()
                    .expectBody(MAP).returnResult().getResponseBody();
            assertThat(((Map<?, ?>) usage.get("totals")).get("runs")).isEqualTo(2);
        }
    }

    ConfigurableApplicationContext start() {
        Map<String, Object> properties = new LinkedHashMap<>(databaseProperties());
        properties.put("atrium.home", home.toString());
        properties.put("server.port", "0");
        // As arguments, not default properties: those rank below application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(AtriumApplication.class).run(args);
    }

    WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return TestKeys.adminClient(port, home, Duration.ofSeconds(30));
    }

    static Connection connect(String url, String user, String password) throws Exception {
        return DriverManager.getConnection(url, user, password);
    }
}
