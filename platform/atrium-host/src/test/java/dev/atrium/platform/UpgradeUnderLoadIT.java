package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.lab.SleepSkill;
import dev.atrium.platform.persistence.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
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
 * Upgrades a plugin while clients keep running its skill: the new version starts beside the old one, new runs go
 * to it from the moment the upgrade answers, runs already going finish on the old version, no run fails, and the
 * old version is unloaded once its last run is over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpgradeUnderLoadIT {

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @TempDir
    static Path home;

    @TempDir
    Path scratch;

    @LocalServerPort
    int port;

    WebTestClient http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("atrium.home", () -> home.toString());
        registry.add("atrium.plugins.trusted-keys", TestPluginArchive::trustedKey);
        registry.add("atrium.runs.max-concurrent-per-plugin", () -> "8");
        registry.add("atrium.plugins.drain-timeout", () -> "5s");
        // The load below is a test of upgrades, not of the rate limiter.
        registry.add("atrium.security.rate-limits.per-key", () -> "100000");
        registry.add("atrium.security.rate-limits.per-tenant", () -> "100000");
    }

    @BeforeEach
    void client() {
        http = TestKeys.adminClient(port, home, Duration.ofSeconds(60));
    }

    /** A finished load run: when its request was sent, and what it answered. */
    record Outcome(Instant sent, String status, String version) {
    }

    @Test
    void runsGoOnWithoutAFailureWhileThePluginIsUpgradedAndTheOldVersionIsUnloadedAfterItsLastRun() throws Exception {
        install(TestPluginArchive.plugin("lab").version("1.0.0").extensions(SleepSkill.class), "");
        assertThat(home.resolve("plugins/lab-1.0.0")).isDirectory();

        // A long run on 1.0.0 that is still going when the upgrade happens (and ends within the drain timeout).
        Map<String, Object> longRun = run("lab", "{\"seconds\": 3}", false);
        awaitStatus((String) longRun.get("id"), "running");

        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> loads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loads.add(clients.submit(() -> {
                while (loading.get()) {
                    Instant sent = Instant.now();
                    Map<String, Object> run = run("lab", "{\"seconds\": 0.05}", true);
                    outcomes.add(new Outcome(sent, (String) run.get("status"), (String) run.get("pluginVersion")));
                }
                return null;
            }));
        }
        Thread.sleep(1500);
        Map<String, Object> upgraded = install(TestPluginArchive.plugin("lab").version("1.1.0")
                .extensions(SleepSkill.class), "?upgrade=true");
        Instant upgradeAnswered = Instant.now();
        assertThat(upgraded.get("version")).isEqualTo("1.1.0");
        Thread.sleep(1500);
        loading.set(false);
        clients.shutdown();
        for (Future<?> load : loads) {
            load.get(60, TimeUnit.SECONDS); // a refused or failed request fails the test here
        }

        Map<String, Object> finished = awaitStatus((String) longRun.get("id"), "succeeded");
        assertThat(finished.get("pluginVersion")).as("the run in flight finished on the version it started on")
                .isEqualTo("1.0.0");
        List<Outcome> all = List.copyOf(outcomes);
        assertThat(all).as("runs during the upgrade").hasSizeGreaterThan(20)
                .allSatisfy(o -> assertThat(o.status()).isEqualTo("succeeded"));
        assertThat(all).extracting(Outcome::version).contains("1.0.0", "1.1.0");
        assertThat(all).filteredOn(o -> o.sent().isAfter(upgradeAnswered)).isNotEmpty()
                .allSatisfy(o -> assertThat(o.version()).isEqualTo("1.1.0"));

        // With its last run over, 1.0.0 is unloaded and its files go; only 1.1.0 is left.
        Instant deadline = Instant.now().plusSeconds(10);
        while (Files.exists(home.resolve("plugins/lab-1.0.0")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        try (var files = Files.list(home.resolve("plugins"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("lab-")))
                    .containsExactlyInAnyOrder("lab-1.1.0.zip", "lab-1.1.0");
        }
    }

    private Map<String, Object> install(TestPluginArchive archive, String query) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new FileSystemResource(archive.writeTo(scratch)), MediaType.parseMediaType("application/zip"));
        return http.post().uri("/api/plugins" + query).body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().is2xxSuccessful().expectBody(MAP).returnResult().getResponseBody();
    }

    @Test
    void aRunThatOutlastsTheDrainTimeoutEndsWithPluginUpgradedAndTheOldVersionStillGoes() throws Exception {
        install(TestPluginArchive.plugin("slow").version("1.0.0").extensions(SleepSkill.class), "");
        Map<String, Object> stuck = run("slow", "{\"seconds\": 60}", false);
        awaitStatus((String) stuck.get("id"), "running");

        install(TestPluginArchive.plugin("slow").version("2.0.0").extensions(SleepSkill.class), "?upgrade=true");

        Map<String, Object> ended = awaitStatus((String) stuck.get("id"), "failed");
        assertThat(((Map<?, ?>) ended.get("error")).get("code")).isEqualTo("plugin-upgraded");
        Instant deadline = Instant.now().plusSeconds(10);
        while (Files.exists(home.resolve("plugins/slow-1.0.0")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(home.resolve("plugins/slow-1.0.0")).doesNotExist();
        assertThat(run("slow", "{\"seconds\": 0}", true)).containsEntry("status", "succeeded")
                .containsEntry("pluginVersion", "2.0.0");
    }

    private Map<String, Object> run(String plugin, String input, boolean wait) {
        return http.post().uri("/api/skills/" + plugin + "/sleep/runs" + (wait ? "?wait=true" : ""))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(input).exchange()
                .expectStatus().is2xxSuccessful().expectBody(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> awaitStatus(String runId, String status) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        Map<String, Object> run = Map.of();
        while (Instant.now().isBefore(deadline)) {
            run = http.get().uri("/api/runs/{id}", runId).exchange().expectStatus().isOk().expectBody(MAP)
                    .returnResult().getResponseBody();
            if (status.equals(run.get("status"))) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not reach " + status + ": " + run);
    }
}
