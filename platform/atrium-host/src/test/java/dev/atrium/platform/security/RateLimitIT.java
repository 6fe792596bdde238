package dev.atrium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.persistence.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A key that spends its budget gets 429 problems with Retry-After; another tenant's key is unaffected. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"atrium.security.rate-limits.per-key=4", "atrium.security.rate-limits.per-tenant=1000"})
class RateLimitIT {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
    }

    @Test
    void aKeyBeyondItsBudgetIsToldWhenToComeBack() {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        String admin = TestKeys.admin(home);
        http.post().uri("/api/tenants").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id", "elsewhere")).exchange()
                .expectStatus().isCreated().expectBody().consumeWith(r -> { });
        String other = (String) http.post().uri("/api/keys").header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "o", "tenant", "elsewhere"))
                .exchange().expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("key");

        List<EntityExchangeResult<Map<String, Object>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(http.get().uri("/api/me").header("Authorization", "Bearer " + admin).exchange()
                    .expectBody(MAP).returnResult());
        }
        List<EntityExchangeResult<Map<String, Object>>> refused = answers.stream()
                .filter(a -> a.getStatus().value() == 429).toList();
        assertThat(refused).isNotEmpty();
        EntityExchangeResult<Map<String, Object>> first = refused.get(0);
        assertThat(first.getResponseBody()).containsEntry("code", "rate-limited");
        assertThat(Integer.parseInt(first.getResponseHeaders().getFirst("Retry-After"))).isBetween(1, 2);
        assertThat(answers).anyMatch(a -> a.getStatus().value() == 200);

        http.get().uri("/api/runs").header("Authorization", "Bearer " + other).exchange()
                .expectStatus().isOk().expectBody().consumeWith(r -> { });
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().consumeWith(r -> { });
    }

    /**
     * A keep-alive client whose requests are answered, then refused at once, must go on being answered:
     * Reactor Netty used to stop reading the connection after such a quick refusal (see KeepAliveGuard).
     * Each round spends a fresh budget and runs into the limit; the hang showed within a few rounds.
     */
    @Test
    void aClientIsStillAnsweredAfterQuickRefusals() throws InterruptedException {
        WebTestClient http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
        String admin = TestKeys.admin(home);
        int answered = 0;
        int refused = 0;
        for (int round = 0; round < 12; round++) {
            Thread.sleep(1_100);
            for (int i = 0; i < 8; i++) {
                int status = http.get().uri("/api/me").header("Authorization", "Bearer " + admin).exchange()
                        .expectBody(MAP).returnResult().getStatus().value();
                answered += status == 200 ? 1 : 0;
                refused += status == 429 ? 1 : 0;
            }
        }
        assertThat(answered + refused).isEqualTo(96);
        assertThat(refused).isPositive();
    }
}
