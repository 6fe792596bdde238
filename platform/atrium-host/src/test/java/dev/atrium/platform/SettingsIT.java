package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.lab.SettingsSkill;
import dev.atrium.platform.persistence.DatabaseUrls;
import dev.atrium.platform.persistence.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Per-tenant plugin settings validated against the plugin's schema; a secret is handed to the plugin but
 * shows up in no API answer, no log line and not as plain text in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SettingsIT {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final String SECRET = "sk-live-9f8e7d6c5b4a39281706";
    static final String SCHEMA = """
            {"type": "object", "additionalProperties": false,
             "properties": {
               "currency": {"type": "string", "pattern": "^[A-Z]{3}$"},
               "mealLimit": {"type": "number", "minimum": 0},
               "apiKey": {"type": "string", "writeOnly": true}
             }}""";

    @TempDir
    static Path home;

    @TempDir
    Path scratch;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
        registry.add("atrium.plugins.trusted-keys", TestPluginArchive::trustedKey);
    }

    @Test
    void aSecretSettingReachesThePluginAndNothingElse(CapturedOutput output) throws Exception {
        WebTestClient http = TestKeys.adminClient(port, home, Duration.ofSeconds(30));
        Path archive = TestPluginArchive.plugin("configured").extensions(SettingsSkill.class)
                .zipEntry("settings.schema.json", SCHEMA.getBytes(StandardCharsets.UTF_8)).writeTo(scratch);
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("file", new FileSystemResource(archive), MediaType.parseMediaType("application/zip"));
        http.post().uri("/api/plugins").body(BodyInserters.fromMultipartData(upload.build())).exchange()
                .expectStatus().isCreated().expectBody().consumeWith(r -> { });

        Map<String, Object> refused = http.put().uri("/api/plugins/configured/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("values", Map.of("currency", "euros", "mealLimit", -5, "apiKey", SECRET)))
                .exchange().expectStatus().isBadRequest().expectBody(MAP).returnResult().getResponseBody();
        assertThat(refused.get("code")).isEqualTo("bad-settings");
        assertThat((List<?>) refused.get("errors")).hasSize(2);

        Map<String, Object> saved = http.put().uri("/api/plugins/configured/settings")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("values", Map.of("currency", "EUR", "mealLimit", 40, "apiKey", SECRET)))
                .exchange().expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) saved.get("values");
        assertThat(values).containsEntry("currency", "EUR").containsEntry("apiKey", "********");
        assertThat(saved.get("secrets")).isEqualTo(List.of("apiKey"));

        // Sending the mask back keeps the secret while another value changes.
        http.put().uri("/api/plugins/configured/settings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("values", Map.of("currency", "GBP", "mealLimit", 40, "apiKey", "********")))
                .exchange().expectStatus().isOk().expectBody().consumeWith(r -> { });

        Map<String, Object> run = http.post().uri("/api/skills/configured/settings/runs?wait=true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        Map<?, ?> result = (Map<?, ?>) run.get("result");
        assertThat(result.get("currency")).isEqualTo("GBP");
        assertThat(result.get("limit")).isEqualTo("40");
        assertThat(result.get("apiKeySha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(SECRET.getBytes(StandardCharsets.UTF_8))));

        StringBuilder everything = new StringBuilder();
        for (String path : List.of("/api/plugins/configured/settings", "/api/plugins", "/api/plugins/configured",
                "/api/runs?limit=500", "/api/runs/" + run.get("id") + "/events", "/api/audit?size=500", "/api/usage")) {
            everything.append(http.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody());
        }
        assertThat(everything).contains("settings.update").doesNotContain(SECRET);
        assertThat(output.getAll()).doesNotContain(SECRET);

        try (Connection c = DriverManager.getConnection(DatabaseUrls.embeddedJdbc(home), "sa", "");
             ResultSet rows = c.createStatement().executeQuery(
                     "SELECT name, setting_value, secret FROM plugin_settings WHERE plugin_id = 'configured'")) {
            int secrets = 0;
            while (rows.next()) {
                assertThat(rows.getString("setting_value")).doesNotContain(SECRET);
                if (rows.getBoolean("secret")) {
                    secrets++;
                    assertThat(rows.getString("setting_value")).startsWith("v1:");
                }
            }
            assertThat(secrets).isEqualTo(1);
        }
        try (Stream<Path> files = Files.walk(home.resolve("db"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            }
        }

        // Uninstalling keeps the tenant's settings for a reinstall; a purge removes them.
        http.delete().uri("/api/plugins/configured").exchange().expectStatus().isNoContent()
                .expectBody().consumeWith(r -> { });
        install(http, archive);
        assertThat(values(http)).containsEntry("currency", "GBP").containsEntry("apiKey", "********");
        http.delete().uri("/api/plugins/configured?purge=true").exchange().expectStatus().isNoContent()
                .expectBody().consumeWith(r -> { });
        install(http, archive);
        assertThat(values(http)).isEmpty();
    }

    private static void install(WebTestClient http, Path archive) {
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("file", new FileSystemResource(archive), MediaType.parseMediaType("application/zip"));
        http.post().uri("/api/plugins").body(BodyInserters.fromMultipartData(upload.build())).exchange()
                .expectStatus().isCreated().expectBody().consumeWith(r -> { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(WebTestClient http) {
        return (Map<String, Object>) http.get().uri("/api/plugins/configured/settings").exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody().get("values");
    }
}
