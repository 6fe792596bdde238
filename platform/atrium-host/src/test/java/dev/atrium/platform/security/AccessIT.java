package dev.atrium.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.persistence.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what: every endpoint against anonymous, user, auditor, admin and another tenant's admin, with
 * the status each must get; then the key lifecycle, tenant isolation of lists, and CSRF on sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessIT {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @TempDir
    static Path home;

    @LocalServerPort
    int port;

    WebTestClient http;
    String admin;
    String user;
    String auditor;
    String acmeAdmin;
    String acmeUser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
    }

    @BeforeEach
    void keys() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
        admin = TestKeys.admin(home);
        String acme = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        call(admin, HttpMethod.POST, "/api/tenants", Map.of("id", acme), 201);
        user = newKey(admin, "user", null);
        auditor = newKey(admin, "auditor", null);
        acmeAdmin = newKey(admin, "admin", acme);
        acmeUser = newKey(acmeAdmin, "user", null);
    }

    @Test
    void everyEndpointAnswersEachRoleAsTheRulesSay() {
        String userRun = run(user);
        String acmeRun = run(acmeUser);
        // columns: anonymous, user, auditor, admin, another tenant's admin
        List<Object[]> rows = List.of(
                row(HttpMethod.GET, "/api/me", null, 401, 200, 200, 200, 200),
                row(HttpMethod.GET, "/api/plugins", null, 401, 200, 200, 200, 200),
                row(HttpMethod.GET, "/api/plugins/hello", null, 401, 200, 200, 200, 200),
                row(HttpMethod.POST, "/api/plugins/no-such-plugin/disable", null, 401, 403, 403, 404, 403),
                row(HttpMethod.DELETE, "/api/plugins/no-such-plugin", null, 401, 403, 403, 404, 403),
                row(HttpMethod.GET, "/api/skills", null, 401, 200, 200, 200, 200),
                row(HttpMethod.GET, "/api/skills/hello/echo", null, 401, 200, 200, 200, 200),
                row(HttpMethod.POST, "/api/skills/hello/echo/runs?wait=true", Map.of("text", "hi"), 401, 200, 403, 200, 200),
                row(HttpMethod.GET, "/api/runs", null, 401, 200, 200, 200, 200),
                row(HttpMethod.GET, "/api/runs/" + userRun, null, 401, 200, 200, 200, 404),
                row(HttpMethod.GET, "/api/runs/" + userRun + "/events", null, 401, 200, 200, 200, 404),
                row(HttpMethod.GET, "/api/runs/" + userRun + "/artifacts/echo.txt", null, 401, 200, 200, 200, 404),
                row(HttpMethod.GET, "/api/runs/" + acmeRun, null, 401, 404, 404, 404, 200),
                row(HttpMethod.DELETE, "/api/runs/" + userRun, null, 401, 409, 403, 409, 404),
                row(HttpMethod.GET, "/api/usage", null, 401, 403, 200, 200, 200),
                row(HttpMethod.GET, "/api/audit", null, 401, 403, 200, 200, 200),
                row(HttpMethod.GET, "/api/keys", null, 401, 403, 403, 200, 200),
                row(HttpMethod.POST, "/api/keys", Map.of("name", "matrix"), 401, 403, 403, 201, 201),
                row(HttpMethod.DELETE, "/api/keys/no-such-key", null, 401, 403, 403, 404, 404),
                row(HttpMethod.GET, "/api/users", null, 401, 403, 403, 200, 200),
                row(HttpMethod.GET, "/api/tenants", null, 401, 403, 403, 200, 200),
                row(HttpMethod.POST, "/api/tenants", "new-tenant", 401, 403, 403, 201, 403),
                row(HttpMethod.GET, "/api/models", null, 401, 200, 200, 200, 200),
                row(HttpMethod.GET, "/actuator/health", null, 200, 200, 200, 200, 200),
                row(HttpMethod.GET, "/actuator/prometheus", null, 401, 403, 403, 200, 403));
        String[] callers = {null, user, auditor, admin, acmeAdmin};
        String[] names = {"anonymous", "user", "auditor", "admin", "other-tenant admin"};
        List<String> wrong = new ArrayList<>();
        for (Object[] row : rows) {
            for (int i = 0; i < callers.length; i++) {
                Object body = row[2];
                if ("new-tenant".equals(body)) {
                    body = Map.of("id", "t-" + UUID.randomUUID().toString().substring(0, 8));
                }
                int expected = (int) row[3 + i];
                int actual = status(callers[i], (HttpMethod) row[0], (String) row[1], body);
                if (actual != expected) {
                    wrong.add(row[0] + " " + row[1] + " as " + names[i] + ": " + actual + ", expected " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void listsShowOnlyWhatTheCallerMaySee() {
        String mine = run(user);
        String theirs = run(acmeUser);
        String adminsOwn = run(admin);
        List<Map<String, Object>> userRuns = list(user, "/api/runs?limit=500");
        assertThat(userRuns).extracting(r -> r.get("id")).contains(mine).doesNotContain(theirs, adminsOwn);
        List<Map<String, Object>> auditorRuns = list(auditor, "/api/runs?limit=500");
        assertThat(auditorRuns).extracting(r -> r.get("id")).contains(mine, adminsOwn).doesNotContain(theirs);
        List<Map<String, Object>> acmeRuns = list(acmeAdmin, "/api/runs?limit=500");
        assertThat(acmeRuns).extracting(r -> r.get("id")).contains(theirs).doesNotContain(mine, adminsOwn);

        assertThat(list(acmeAdmin, "/api/keys")).allSatisfy(k -> assertThat(k.get("tenant")).isNotEqualTo("default"));
        assertThat(list(acmeAdmin, "/api/keys")).allSatisfy(k -> assertThat(k).doesNotContainKeys("key", "keyHash"));
        assertThat(status(acmeAdmin, HttpMethod.GET, "/api/keys?tenant=default", null)).isEqualTo(403);
        assertThat(list(acmeAdmin, "/api/tenants")).hasSize(1);
        assertThat(status(acmeAdmin, HttpMethod.GET, "/api/usage?tenant=default", null)).isEqualTo(403);
    }

    @Test
    void aRevokedOrExpiredKeyStopsWorkingAndBothAreAudited() {
        Map<String, Object> created = call(admin, HttpMethod.POST, "/api/keys", Map.of("name", "short-lived"), 201);
        String key = (String) created.get("key");
        assertThat(key).startsWith("atr_").hasSizeGreaterThan(40);
        assertThat(status(key, HttpMethod.GET, "/api/runs", null)).isEqualTo(200);
        call(admin, HttpMethod.DELETE, "/api/keys/" + created.get("id"), null, 200);
        assertThat(status(key, HttpMethod.GET, "/api/runs", null)).isEqualTo(401);

        Map<String, Object> expiring = call(admin, HttpMethod.POST, "/api/keys",
                Map.of("name", "expiring", "expiresAt", Instant.now().plusSeconds(2).toString()), 201);
        String soon = (String) expiring.get("key");
        assertThat(status(soon, HttpMethod.GET, "/api/runs", null)).isEqualTo(200);
        sleep(2500);
        assertThat(status(soon, HttpMethod.GET, "/api/runs", null)).isEqualTo(401);

        Map<String, Object> audit = call(auditor, HttpMethod.GET, "/api/audit?action=key&size=500", null, 200);
        List<?> items = (List<?>) audit.get("items");
        assertThat(items).extracting(i -> ((Map<?, ?>) i).get("action") + " " + ((Map<?, ?>) i).get("target"))
                .contains("key.create key " + created.get("id"), "key.revoke key " + created.get("id"));
        assertThat(items).allSatisfy(i -> assertThat(i.toString()).doesNotContain(key));
        Map<String, Object> failures = call(auditor, HttpMethod.GET, "/api/audit?action=login.failure", null, 200);
        assertThat((List<?>) failures.get("items")).isNotEmpty();
    }

    @Test
    void badRequestsToTheIdentityApiAreClearProblems() {
        assertThat(problem(admin, HttpMethod.POST, "/api/keys", Map.of("name", "x", "role", "root"), 400))
                .containsEntry("code", "bad-role");
        assertThat(problem(admin, HttpMethod.POST, "/api/keys", Map.of("role", "user"), 400))
                .containsEntry("code", "missing-field");
        assertThat(problem(admin, HttpMethod.POST, "/api/users",
                Map.of("username", "shorty", "password", "short"), 400)).containsEntry("code", "weak-password");
        assertThat(problem(admin, HttpMethod.POST, "/api/tenants", Map.of("id", "Bad Tenant!"), 400))
                .containsEntry("code", "bad-tenant-id");
        assertThat(problem(admin, HttpMethod.POST, "/api/keys", Map.of("name", "x", "tenant", "nowhere"), 404))
                .containsEntry("code", "tenant-not-found");
        assertThat(problem(null, HttpMethod.GET, "/api/runs", null, 401)).containsEntry("code", "unauthorized");
        assertThat(problem("atr_not-a-real-key", HttpMethod.GET, "/api/runs", null, 401))
                .containsEntry("code", "bad-credentials");
    }

    @Test
    void aSignedInUserNeedsTheCsrfTokenToChangeAnything() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        call(admin, HttpMethod.POST, "/api/users",
                Map.of("username", username, "password", "correct horse battery", "role", "admin"), 201);
        var login = http.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=" + username + "&password=correct+horse+battery").exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class);
        assertThat(login.getResponseHeaders().getLocation()).hasToString("/");
        String session = login.getResponseCookies().getFirst("SESSION").getValue();

        Map<String, Object> me = http.get().uri("/api/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(me.get("role")).isEqualTo("admin");
        assertThat(me.get("username")).isEqualTo(username);
        Map<String, Object> refused = http.post().uri("/api/keys").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("name", "from-browser")).exchange()
                .expectStatus().isForbidden().expectBody(MAP).returnResult().getResponseBody();
        assertThat(refused.get("code")).isEqualTo("csrf-token-missing");

        var page = http.get().uri("/api/me").cookie("SESSION", session).exchange().returnResult(String.class);
        String token = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        http.post().uri("/api/keys").cookie("SESSION", session).cookie("XSRF-TOKEN", token)
                .header("X-XSRF-TOKEN", token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "from-browser")).exchange().expectStatus().isCreated()
                .expectBody().consumeWith(r -> { });

        http.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=" + username + "&password=wrong+password+here").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/login?error")
                .expectBody().consumeWith(r -> { });
    }

    private String newKey(String by, String role, String tenant) {
        Map<String, Object> body = tenant == null ? Map.of("name", role + "-key", "role", role)
                : Map.of("name", role + "-key", "role", role, "tenant", tenant);
        return (String) call(by, HttpMethod.POST, "/api/keys", body, 201).get("key");
    }

    private String run(String key) {
        return (String) call(key, HttpMethod.POST, "/api/skills/hello/echo/runs?wait=true", Map.of("text", "mine"), 200)
                .get("id");
    }

    private List<Map<String, Object>> list(String key, String path) {
        return http.get().uri(path).header("Authorization", "Bearer " + key).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
    }

    private Map<String, Object> call(String key, HttpMethod method, String path, Object body, int status) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(path);
        if (key != null) {
            spec.header("Authorization", "Bearer " + key);
        }
        WebTestClient.RequestHeadersSpec<?> request = body == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return request.exchange().expectStatus().isEqualTo(status).expectBody(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> problem(String key, HttpMethod method, String path, Object body, int status) {
        return call(key, method, path, body, status);
    }

    private int status(String key, HttpMethod method, String path, Object body) {
        WebTestClient.RequestBodySpec spec = http.method(method).uri(path);
        if (key != null) {
            spec.header("Authorization", "Bearer " + key);
        }
        WebTestClient.RequestHeadersSpec<?> request = body == null ? spec
                : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        // Read the body (or the stream) to the end, so the connection goes back to the pool.
        var result = request.exchange().returnResult(byte[].class);
        result.getResponseBody().take(Duration.ofSeconds(5)).blockLast(Duration.ofSeconds(10));
        return result.getStatus().value();
    }

    private static Object[] row(HttpMethod method, String path, Object body, int... statuses) {
        Object[] row = new Object[3 + statuses.length];
        row[0] = method;
        row[1] = path;
        row[2] = body;
        for (int i = 0; i < statuses.length; i++) {
            row[3 + i] = statuses[i];
        }
        return row;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
