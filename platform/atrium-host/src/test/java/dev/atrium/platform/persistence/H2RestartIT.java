package dev.atrium.platform.persistence;

import java.sql.Connection;
import java.util.Map;

/** The restart contract on the embedded default: an H2 file under the data home. */
class H2RestartIT extends RestartContract {

    @Override
    Map<String, Object> databaseProperties() {
        return extra;
    }

    private final Map<String, Object> extra = new java.util.LinkedHashMap<>();

    @org.junit.jupiter.api.Test
    void runsPastTheirRetentionAreRemovedWithTheirFiles() throws Exception {
        extra.put("atrium.runs.retention", "2s");
        extra.put("atrium.runs.retention-sweep", "1s");
        try (var platform = start()) {
            var http = client(platform);
            Map<String, Object> run = http.post().uri("/api/skills/hello/echo/runs?wait=true")
                    .header("Content-Type", "application/json").bodyValue("{\"text\":\"short-lived\"}")
                    .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
            java.nio.file.Path folder = home.resolve("runs").resolve((String) run.get("id"));
            org.assertj.core.api.Assertions.assertThat(folder).exists();
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            int status = 200;
            while (status != 404 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = http.get().uri("/api/runs/{id}", run.get("id")).exchange().expectBody(String.class)
                        .returnResult().getStatus().value();
            }
            org.assertj.core.api.Assertions.assertThat(status).isEqualTo(404);
            org.assertj.core.api.Assertions.assertThat(folder).doesNotExist();
        }
    }

    @org.junit.jupiter.api.Test
    void pluginStateAnOlderVersionLeftAsFilesIsMovedIntoTheDatabase() throws Exception {
        java.nio.file.Files.createDirectories(home.resolve("plugins"));
        java.nio.file.Files.writeString(home.resolve("plugins").resolve("disabled.list"), "hello\n");
        try (var platform = start()) {
            java.util.List<Map<String, Object>> plugins = client(platform).get().uri("/api/plugins").exchange()
                    .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
            org.assertj.core.api.Assertions.assertThat(plugins).filteredOn(p -> p.get("id").equals("hello"))
                    .singleElement().satisfies(p -> org.assertj.core.api.Assertions.assertThat(p.get("state"))
                            .isEqualTo("disabled"));
        }
        try (Connection c = jdbc(); var rows = c.createStatement().executeQuery(
                "SELECT content FROM plugin_state WHERE state_name = 'disabled.list'")) {
            org.assertj.core.api.Assertions.assertThat(rows.next()).isTrue();
            org.assertj.core.api.Assertions.assertThat(rows.getString(1)).contains("hello");
        }
    }

    @Override
    Connection jdbc() throws Exception {
        return connect(DatabaseUrls.embeddedJdbc(home), "sa", "");
    }
}
