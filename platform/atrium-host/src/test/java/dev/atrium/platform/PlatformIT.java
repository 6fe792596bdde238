package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.lab.CrashSkill;
import dev.atrium.platform.lab.PngSizeSkill;
import dev.atrium.platform.lab.SleepSkill;
import dev.atrium.platform.lab.StuckSkill;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Boots the platform on a random port and drives it over HTTP like a client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformIT {

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
    }

    @BeforeEach
    void client() {
        http = dev.atrium.platform.persistence.TestKeys.adminClient(port, home, Duration.ofSeconds(30));
    }

    @Test
    void listsTheBundledHelloPluginAndItsSkills() {
        http.get().uri("/api/plugins").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id=='hello')].state").isEqualTo("started")
                .jsonPath("$[?(@.id=='hello')].bundled").isEqualTo(true);
        http.get().uri("/api/skills").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.plugin=='hello' && @.id=='echo')].inputs[0].id").isEqualTo("text");
    }

    @Test
    void runsEchoFromJsonAndAnswersWithTheFinishedRunWhenAskedToWait() {
        Map<String, Object> run = postJson("/api/skills/hello/echo/runs?wait=true", "{\"text\":\"hello brave new world\"}", 200);
        assertThat(run.get("status")).isEqualTo("succeeded");
        assertThat(run.get("id")).isNotNull();
        Map<?, ?> result = (Map<?, ?>) run.get("result");
        assertThat(result.get("text")).isEqualTo("hello brave new world");
        assertThat(result.get("characters")).isEqualTo(21);
        assertThat(result.get("words")).isEqualTo(4);
        assertThat(result.containsKey("file")).isFalse();

        String artifact = http.get().uri("/api/runs/{id}/artifacts/echo.txt", run.get("id")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(artifact).contains("hello brave new world");
    }

    @Test
    void runsEchoWithAFileAndReportsItsChecksum() throws Exception {
        byte[] content = "a small file, but an honest one\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("input", "{\"text\":\"with a file\"}", MediaType.APPLICATION_JSON);
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "notes.txt";
            }
        }, MediaType.TEXT_PLAIN);
        Map<String, Object> run = http.post().uri("/api/skills/hello/echo/runs?wait=true")
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(run.get("status")).isEqualTo("succeeded");
        Map<?, ?> file = (Map<?, ?>) ((Map<?, ?>) run.get("result")).get("file");
        assertThat(file.get("name")).isEqualTo("notes.txt");
        assertThat(((Number) file.get("size")).longValue()).isEqualTo(content.length);
        assertThat(file.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        List<?> inputs = (List<?>) ((Map<?, ?>) run.get("inputs")).get("files");
        assertThat(((Map<?, ?>) inputs.get(0)).get("sha256")).isEqualTo(file.get("sha256"));
    }

    @Test
    void streamsEventsInOrderAndReplaysThemToLateSubscribers() {
        String text = "one two three four five six";
        Map<String, Object> accepted = postJson("/api/skills/hello/echo/runs", "{\"text\":\"" + text + "\"}", 202);
        assertThat(accepted.get("status")).isIn("queued", "running", "succeeded");
        String id = (String) accepted.get("id");

        List<ServerSentEvent<Map<String, Object>>> events = events(id);
        List<String> types = events.stream().map(ServerSentEvent::event).toList();
        assertThat(types.get(0)).isEqualTo("status");
        assertThat(events.get(0).data()).containsEntry("status", "running");
        assertThat(types).filteredOn("progress"::equals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(types.indexOf("artifact")).isLessThan(types.indexOf("result"));
        assertThat(types.get(types.size() - 1)).isEqualTo("status");
        assertThat(events.get(events.size() - 1).data()).containsEntry("status", "succeeded");
        String streamed = events.stream().filter(e -> "delta".equals(e.event()))
                .map(e -> (String) e.data().get("text")).collect(Collectors.joining());
        assertThat(streamed).isEqualTo(text);
        List<Long> ids = events.stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();

        // A subscriber arriving after the end gets the same events again, then the stream ends.
        assertThat(events(id).stream().map(ServerSentEvent::event).toList()).isEqualTo(types);
    }

    @Test
    void cancelsASlowRun() throws Exception {
        installLab();
        Map<String, Object> accepted = postJson("/api/skills/lab/sleep/runs", "{\"seconds\":60}", 202);
        String id = (String) accepted.get("id");
        awaitStatus(id, "running");
        Map<String, Object> cancelled = http.delete().uri("/api/runs/{id}", id).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(cancelled.get("status")).isEqualTo("cancelled");
        List<ServerSentEvent<Map<String, Object>>> events = events(id);
        assertThat(events.get(events.size() - 1).data()).containsEntry("status", "cancelled");
        problem(http.delete().uri("/api/runs/{id}", id), 409, "run-finished");
    }

    @Test
    void timesOutARunThatNeverFinishes() {
        installLab();
        long began = System.nanoTime();
        Map<String, Object> run = postJson("/api/skills/lab/stuck/runs?wait=true", "{}", 200);
        assertThat(run.get("status")).isEqualTo("timed_out");
        assertThat(((Map<?, ?>) run.get("error")).get("code")).isEqualTo("run-timed-out");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void reportsAFailingSkillAsAFailedRunWithoutAStackTrace() {
        installLab();
        Map<String, Object> run = postJson("/api/skills/lab/crash/runs?wait=true", "{}", 200);
        assertThat(run.get("status")).isEqualTo("failed");
        Map<?, ?> error = (Map<?, ?>) run.get("error");
        assertThat(error.get("code")).isEqualTo("skill-failed");
        assertThat((String) error.get("detail")).contains("boom").doesNotContain("at dev.atrium");
    }

    @Test
    void disablesEnablesDeletesAndReinstallsThePlugin() throws IOException {
        installLab();
        http.post().uri("/api/plugins/lab/disable").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("disabled");
        http.get().uri("/api/skills").exchange().expectBody()
                .jsonPath("$[?(@.plugin=='lab')]").isEmpty();
        problem(http.post().uri("/api/skills/lab/crash/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}"), 409, "plugin-not-started");

        http.post().uri("/api/plugins/lab/enable").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("started").jsonPath("$.skills.length()").isEqualTo(4);
        assertThat(postJson("/api/skills/lab/sleep/runs?wait=true", "{\"seconds\":0}", 200).get("status"))
                .isEqualTo("succeeded");

        http.delete().uri("/api/plugins/lab").exchange().expectStatus().isNoContent();
        problem(http.post().uri("/api/plugins/lab/enable"), 404, "plugin-not-found");
        try (Stream<Path> files = Files.list(home.resolve("plugins"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("lab"));
        }

        Path archive = labArchive();
        upload(archive).expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo("lab");
        assertThat(postJson("/api/skills/lab/sleep/runs?wait=true", "{\"seconds\":0}", 200).get("status"))
                .isEqualTo("succeeded");
    }

    @Test
    void deletesAndReinstallsTheHelloArchive() throws IOException {
        Path hello = scratch.resolve("hello.zip");
        try (InputStream in = getClass().getResourceAsStream("/bundled-plugins/hello-plugin-plugin.zip")) {
            assertThat(in).as("hello archive bundled in the platform").isNotNull();
            Files.copy(in, hello);
        }
        problem(upload(hello), 409, "plugin-already-installed");
        http.delete().uri("/api/plugins/hello").exchange().expectStatus().isNoContent();
        problem(http.post().uri("/api/skills/hello/echo/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"x\"}"), 404, "plugin-not-found");
        upload(hello).expectStatus().isCreated().expectBody().jsonPath("$.skills[0].id").exists();
        assertThat(postJson("/api/skills/hello/echo/runs?wait=true", "{\"text\":\"back again\"}", 200).get("status"))
                .isEqualTo("succeeded");
    }

    @Test
    void servesAnOpenApiDocumentOfTheHttpContract() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.info.title").isEqualTo("Atrium API")
                .jsonPath("$.paths['/api/skills/{plugin}/{skill}/runs']").exists()
                .jsonPath("$.paths['/api/runs/{id}/events']").exists();
    }

    @Test
    void answersUnknownThingsWithNotFoundProblems() {
        problem(http.post().uri("/api/skills/nope/echo/runs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}"),
                404, "plugin-not-found");
        problem(http.post().uri("/api/skills/hello/nope/runs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}"),
                404, "skill-not-found");
        problem(http.get().uri("/api/runs/00000000-0000-0000-0000-000000000000"), 404, "run-not-found");
        problem(http.get().uri("/api/runs/00000000-0000-0000-0000-000000000000/events"), 404, "run-not-found");
        problem(http.get().uri("/api/no-such-endpoint"), 404, "not-found");
    }

    @Test
    void refusesBadRunInputWithProblems() {
        problem(http.post().uri("/api/skills/hello/echo/runs").contentType(MediaType.APPLICATION_JSON).bodyValue("{}"),
                400, "bad-input").jsonPath("$.input").isEqualTo("text");
        problem(http.post().uri("/api/skills/hello/echo/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\": \"unterminated"), 400, "malformed-json");
        problem(http.post().uri("/api/skills/hello/echo/runs").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"text\":\"x\",\"colour\":\"red\"}"), 400, "bad-input").jsonPath("$.input").isEqualTo("colour");
        problem(http.post().uri("/api/skills/hello/echo/runs").contentType(MediaType.TEXT_PLAIN).bodyValue("hi"),
                415, "unsupported-media");
    }

    @Test
    void refusesFilesOfTheWrongTypeOrSizeAndKeepsNothing() throws IOException {
        installLab();
        long runFoldersBefore = runFolders();
        MultipartBodyBuilder wrongType = new MultipartBodyBuilder();
        wrongType.part("image", named("photo.jpg", new byte[] {1, 2, 3}), MediaType.IMAGE_JPEG);
        problem(http.post().uri("/api/skills/lab/png-size/runs").body(BodyInserters.fromMultipartData(wrongType.build())),
                415, "unsupported-media").jsonPath("$.input").isEqualTo("image");

        MultipartBodyBuilder tooBig = new MultipartBodyBuilder();
        tooBig.part("image", named("huge.png", new byte[4096]), MediaType.IMAGE_PNG);
        problem(http.post().uri("/api/skills/lab/png-size/runs").body(BodyInserters.fromMultipartData(tooBig.build())),
                413, "payload-too-large").jsonPath("$.input").isEqualTo("image");

        MultipartBodyBuilder fine = new MultipartBodyBuilder();
        fine.part("image", named("ok.png", new byte[512]), MediaType.IMAGE_PNG);
        Map<String, Object> run = http.post().uri("/api/skills/lab/png-size/runs?wait=true")
                .body(BodyInserters.fromMultipartData(fine.build())).exchange()
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) run.get("result")).get("size")).isEqualTo(512);
        assertThat(runFolders()).isEqualTo(runFoldersBefore + 1);
    }

    @Test
    void refusesHostileOrBrokenPluginArchivesAndChangesNothingOnDisk() throws IOException {
        List<String> before = pluginFiles();

        Path corrupt = scratch.resolve("corrupt.zip");
        Files.write(corrupt, "this is not a zip at all".getBytes(StandardCharsets.UTF_8));
        problem(upload(corrupt), 400, "plugin-archive-invalid");

        Path slip = TestPluginArchive.plugin("slippery").extensions(CrashSkill.class)
                .zipEntry("../../escaped.txt", "gotcha".getBytes(StandardCharsets.UTF_8)).writeTo(scratch);
        problem(upload(slip), 400, "plugin-archive-unsafe");
        assertThat(home.resolve("escaped.txt")).doesNotExist();
        assertThat(home.getParent().resolve("escaped.txt")).doesNotExist();

        Path withSdk = TestPluginArchive.plugin("greedy").extensions(CrashSkill.class).bundlingSdk().writeTo(scratch);
        problem(upload(withSdk), 400, "plugin-bundles-sdk");

        Path tooNew = TestPluginArchive.plugin("futuristic").requires(">=9.0.0").extensions(CrashSkill.class)
                .writeTo(scratch);
        problem(upload(tooNew), 422, "plugin-incompatible");

        Path unsigned = TestPluginArchive.plugin("anonymous").extensions(CrashSkill.class).unsigned().writeTo(scratch);
        problem(upload(unsigned), 422, "plugin-unsigned");

        Path tampered = TestPluginArchive.plugin("tampered").extensions(CrashSkill.class)
                .tamperedAfterSigning("not the signed jar".getBytes(StandardCharsets.UTF_8)).writeTo(scratch);
        problem(upload(tampered), 422, "plugin-signature-invalid");

        Path stranger = TestPluginArchive.plugin("stranger").extensions(CrashSkill.class).unsigned().writeTo(scratch);
        dev.atrium.signing.PluginSignatures.signArchive(stranger, stranger,
                dev.atrium.signing.PluginSignatures.generateKeyPair());
        problem(upload(stranger), 422, "plugin-signer-untrusted");

        Path orphan = TestPluginArchive.plugin("orphan").extensions(CrashSkill.class)
                .descriptor("plugin.dependencies", "ledger@>=2.0.0").writeTo(scratch);
        assertThat(problemBody(upload(orphan), 422, "plugin-dependency-missing").get("detail").toString())
                .contains("'ledger' >=2.0.0, which is not installed");
        Path tooOld = TestPluginArchive.plugin("picky").extensions(CrashSkill.class)
                .descriptor("plugin.dependencies", "hello@>=9.0.0").writeTo(scratch);
        assertThat(problemBody(upload(tooOld), 422, "plugin-dependency-missing").get("detail").toString())
                .contains("but version 0.1.0-SNAPSHOT is installed");
        Path garbled = TestPluginArchive.plugin("garbled").extensions(CrashSkill.class)
                .descriptor("plugin.dependencies", "hello@>=banana").writeTo(scratch);
        problem(upload(garbled), 400, "plugin-archive-invalid");

        assertThat(pluginFiles()).isEqualTo(before);
        http.get().uri("/api/plugins").exchange().expectBody()
                .jsonPath("$[?(@.id=='slippery' || @.id=='greedy' || @.id=='futuristic' || @.id=='anonymous' "
                        + "|| @.id=='tampered' || @.id=='stranger' || @.id=='orphan' || @.id=='picky' "
                        + "|| @.id=='garbled')]").isEmpty();
    }

    // ---- helpers

    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>> SSE =
            new ParameterizedTypeReference<>() { };

    private Map<String, Object> postJson(String uri, String json, int status) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isEqualTo(status).expectBody(MAP).returnResult().getResponseBody();
    }

    private List<ServerSentEvent<Map<String, Object>>> events(String runId) {
        return http.get().uri("/api/runs/{id}/events", runId).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(SSE).getResponseBody()
                .collectList().block(Duration.ofSeconds(30));
    }

    private void awaitStatus(String runId, String status) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            Map<String, Object> run = http.get().uri("/api/runs/{id}", runId).exchange()
                    .expectBody(MAP).returnResult().getResponseBody();
            if (status.equals(run.get("status"))) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("run " + runId + " never reached " + status);
    }

    private WebTestClient.BodyContentSpec problem(WebTestClient.RequestHeadersSpec<?> request, int status, String code) {
        return request.exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.type").isEqualTo("https://atrium.dev/problems/" + code)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").exists()
                .jsonPath("$.trace").doesNotExist();
    }

    private WebTestClient.ResponseSpec upload(Path archive) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new FileSystemResource(archive), MediaType.parseMediaType("application/zip"));
        return http.post().uri("/api/plugins").body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    void everyRunOfASensitivePluginIsAuditedWithItsOutcome() {
        Path vault = TestPluginArchive.plugin("vault").descriptor("plugin.sensitive", "true")
                .extensions(SleepSkill.class).writeTo(scratch);
        upload(vault).expectStatus().isCreated().expectBody().jsonPath("$.sensitive").isEqualTo(true);
        Map<String, Object> run = postJson("/api/skills/vault/sleep/runs?wait=true", "{\"seconds\":0}", 200);
        Map<String, Object> audit = http.get().uri("/api/audit?action=run&size=100").exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        List<String> entries = ((List<?>) audit.get("items")).stream()
                .map(i -> ((Map<?, ?>) i).get("action") + " " + ((Map<?, ?>) i).get("target") + " "
                        + ((Map<?, ?>) i).get("outcome"))
                .toList();
        assertThat(entries).contains("run.start run " + run.get("id") + " vault/sleep success",
                "run.finish run " + run.get("id") + " vault/sleep success");
        // Runs of ordinary plugins are not audited one by one.
        Map<String, Object> echo = postJson("/api/skills/hello/echo/runs?wait=true", "{\"text\":\"x\"}", 200);
        Map<String, Object> after = http.get().uri("/api/audit?action=run&size=100").exchange().expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(after.toString()).doesNotContain((String) echo.get("id"));
        http.delete().uri("/api/plugins/vault").exchange().expectStatus().isNoContent();
    }

    private Map<String, Object> problemBody(WebTestClient.ResponseSpec response, int status, String code) {
        Map<String, Object> body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(MAP).returnResult().getResponseBody();
        assertThat(body).containsEntry("code", code);
        return body;
    }

    @Test
    void aPluginNeedingAnotherInstallsBesideItAndKeepsItFromBeingUninstalled() {
        Path addOn = TestPluginArchive.plugin("hello-addon").extensions(CrashSkill.class)
                .descriptor("plugin.dependencies", "hello@<1.0.0").writeTo(scratch);
        upload(addOn).expectStatus().isCreated().expectBody()
                .jsonPath("$.dependencies[0].plugin").isEqualTo("hello")
                .jsonPath("$.state").isEqualTo("started");
        assertThat(problemBody(http.delete().uri("/api/plugins/hello").exchange(), 409, "plugin-required")
                .get("detail").toString()).contains("needed by hello-addon");
        http.get().uri("/api/plugins/hello").exchange().expectStatus().isOk();
        http.delete().uri("/api/plugins/hello-addon").exchange().expectStatus().isNoContent();
    }

    private void problem(WebTestClient.ResponseSpec response, int status, String code) {
        response.expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo(code);
    }

    private Path labArchive() {
        return TestPluginArchive.plugin("lab")
                .extensions(SleepSkill.class, StuckSkill.class, CrashSkill.class, PngSizeSkill.class)
                .writeTo(scratch);
    }

    private void installLab() {
        // Read the body: an unread response holds its pooled connection, and the shared pool runs dry.
        Integer status = http.get().uri("/api/plugins/lab").exchange().expectBody(String.class).returnResult()
                .getStatus().value();
        if (status == 404) {
            upload(labArchive()).expectStatus().isCreated();
        } else {
            http.post().uri("/api/plugins/lab/enable").exchange().expectStatus().isOk();
        }
    }

    private List<String> pluginFiles() throws IOException {
        try (Stream<Path> files = Files.walk(home.resolve("plugins"))) {
            return files.map(p -> home.relativize(p).toString()).sorted().toList();
        }
    }

    private long runFolders() throws IOException {
        Path runs = home.resolve("runs");
        if (!Files.exists(runs)) {
            return 0;
        }
        try (Stream<Path> folders = Files.list(runs)) {
            return folders.count();
        }
    }

    private static ByteArrayResource named(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    @Test
    void servesAPluginsOwnPageWithContentTypesAndRevalidationButNothingOutsideItsFolder() {
        WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        anonymous.get().uri("/plugins/hello").exchange().expectStatus().isPermanentRedirect()
                .expectHeader().location("/plugins/hello/");
        anonymous.get().uri("/plugins/hello/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html).contains("/ui/kit/atrium.css"));
        anonymous.head().uri("/plugins/hello/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        String etag = anonymous.get().uri("/plugins/hello/hello.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
                .expectHeader().valueMatches("Cache-Control", ".*no-cache.*")
                .returnResult(String.class).getResponseHeaders().getETag();
        assertThat(etag).isNotBlank();
        anonymous.get().uri("/plugins/hello/hello.js").header("If-None-Match", etag).exchange()
                .expectStatus().isNotModified();
        // The archive's plugin.properties and jars are not part of the page.
        anonymous.get().uri("/plugins/hello/%2e%2e/plugin.properties").exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        anonymous.get().uri("/plugins/hello/..%2fplugin.properties").exchange().expectStatus().isBadRequest();
        anonymous.get().uri("/plugins/hello/missing.js").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("page-not-found");
        anonymous.get().uri("/plugins/nope/").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("plugin-not-found");
        anonymous.get().uri("/skills/hello/echo").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        anonymous.get().uri("/ui/kit/atrium.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"));
    }
}
