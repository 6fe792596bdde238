package dev.atrium.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.platform.lab.AskSkill;
import dev.atrium.platform.lab.TranscribeSkill;
import dev.atrium.platform.models.FakeOpenAiServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** The platform with a remote provider pointed at a local fake OpenAI server: runs go remote and are metered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelsIT {

    private static final String KEY = "sk-it-secret-0123456789";
    private static final FakeOpenAiServer FAKE = FakeOpenAiServer.started();

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
        registry.add("atrium.models.default-provider", () -> "fake");
        registry.add("atrium.models.providers.fake.base-url", FAKE::baseUrl);
        registry.add("atrium.models.providers.fake.api-key", () -> KEY);
        registry.add("atrium.models.providers.fake.chat-model", () -> "fake-chat");
        registry.add("atrium.models.providers.fake.transcription-model", () -> "fake-whisper");
        registry.add("atrium.models.providers.fake.timeout", () -> "5s");
        registry.add("atrium.models.providers.fake.max-retries", () -> "0");
        registry.add("atrium.models.providers.fake.price.input-per-1k", () -> "0.5");
        registry.add("atrium.models.providers.fake.price.output-per-1k", () -> "1.5");
        registry.add("atrium.models.providers.fake.price.currency", () -> "EUR");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @BeforeEach
    void client() {
        http = dev.atrium.platform.persistence.TestKeys.adminClient(port, home, Duration.ofSeconds(30));
        // Read the body: an unread response holds its pooled connection, and the shared pool runs dry.
        Integer status = http.get().uri("/api/plugins/lab").exchange().expectBody(String.class).returnResult().getStatus().value();
        if (status == 404) {
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", new FileSystemResource(TestPluginArchive.plugin("lab").extensions(AskSkill.class, TranscribeSkill.class)
                    .writeTo(scratch)), MediaType.parseMediaType("application/zip"));
            http.post().uri("/api/plugins").body(BodyInserters.fromMultipartData(body.build())).exchange()
                    .expectStatus().isCreated();
        }
    }

    @Test
    void meteresARemoteChatOnTheRunAndInUsage() {
        FAKE.on("/v1/chat/completions", FakeOpenAiServer.chat("Forty-two.", 21, 2));

        Map<String, Object> run = post("/api/skills/lab/ask/runs?wait=true", "{\"question\":\"meaning of life?\"}");

        assertThat(run.get("status")).isEqualTo("succeeded");
        assertThat(((Map<?, ?>) run.get("result")).get("answer")).isEqualTo("Forty-two.");
        assertThat(((Map<?, ?>) run.get("result")).get("engine")).isEqualTo("fake/fake-chat");
        Map<?, ?> usage = (Map<?, ?>) run.get("usage");
        assertThat(usage.get("inputTokens")).isEqualTo(21);
        assertThat(usage.get("outputTokens")).isEqualTo(2);
        assertThat(usage.get("cost")).isEqualTo("0.0135");
        assertThat(usage.get("currency")).isEqualTo("EUR");
        assertThat(usage.get("engines")).isEqualTo(List.of("fake/fake-chat"));

        http.get().uri("/api/usage?plugin=lab").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.byProvider[?(@.provider=='fake')].inputTokens").value(v ->
                        assertThat(((List<?>) v).get(0)).isInstanceOf(Number.class))
                .jsonPath("$.byPlugin[?(@.plugin=='lab')].runs").exists()
                .jsonPath("$.totals.cost.EUR").exists();
        String metrics = http.get().uri("/actuator/prometheus").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(metrics).contains("atrium_model_calls_total{").contains("provider=\"fake\"")
                .contains("atrium_model_tokens_total");
    }

    @Test
    void streamsRemoteDeltasThroughARunAndCountsTheUsageChunk() {
        FAKE.on("/v1/chat/completions", FakeOpenAiServer.stream(9, 3, "Once ", "upon ", "a time"));

        Map<String, Object> run = post("/api/skills/lab/ask/runs?wait=true", "{\"question\":\"story\",\"stream\":true}");

        assertThat(((Map<?, ?>) run.get("result")).get("answer")).isEqualTo("Once upon a time");
        assertThat(((Map<?, ?>) run.get("usage")).get("outputTokens")).isEqualTo(3);
    }

    @Test
    void turnsAFailingProviderIntoAFailedRunWithAProviderProblem() {
        FAKE.on("/v1/chat/completions", FakeOpenAiServer.json(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"));

        Map<String, Object> run = post("/api/skills/lab/ask/runs?wait=true", "{\"question\":\"hello?\"}");

        assertThat(run.get("status")).isEqualTo("failed");
        assertThat(((Map<?, ?>) run.get("error")).get("code")).isEqualTo("provider-error");
        assertThat(((Map<?, ?>) run.get("error")).get("detail").toString()).contains("fake").doesNotContain(KEY);
    }

    @Test
    void checksProviderHealthOnDemand() {
        FAKE.on("/v1/models", FakeOpenAiServer.models());
        http.post().uri("/api/models/fake/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("up");
        http.get().uri("/api/models").exchange().expectBody()
                .jsonPath("$.providers[?(@.name=='fake')].health.status").isEqualTo("up");
    }

    @Test
    void describesProvidersWithoutEverShowingTheKey() {
        String body = http.get().uri("/api/models").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(body).doesNotContain(KEY).contains("\"apiKey\":\"set\"").contains("\"name\":\"embedded\"")
                .contains("\"defaultProvider\":\"fake\"");
    }

    @Test
    void playgroundChatsWithTextAndWithAnImage() {
        FAKE.on("/v1/chat/completions", FakeOpenAiServer.chat("Hi there.", 5, 3));
        http.post().uri("/api/models/fake/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"hello\",\"system\":\"be kind\"}").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.answer").isEqualTo("Hi there.")
                .jsonPath("$.engine.kind").isEqualTo("REMOTE")
                .jsonPath("$.usage.inputTokens").isEqualTo(5);

        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("message", "what is this?");
        body.part("image", new ByteArrayResource(new byte[] {(byte) 0x89, 'P', 'N', 'G'}) {
            @Override
            public String getFilename() {
                return "x.png";
            }
        }, MediaType.IMAGE_PNG);
        http.post().uri("/api/models/fake/chat").body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isOk();
        List<FakeOpenAiServer.Request> sent = FAKE.requests("/v1/chat/completions");
        assertThat(sent.get(sent.size() - 1).body()).contains("data:image/png;base64,");
    }

    @Test
    void playgroundExplainsThatTheEmbeddedEngineCannotChat() {
        http.post().uri("/api/models/embedded/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"hello\"}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("capability-unavailable")
                .jsonPath("$.detail").value(d -> assertThat(d.toString()).contains("atrium.models.providers"));
        http.post().uri("/api/models/nope/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"message\":\"hello\"}").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("provider-not-found");
    }

    @Test
    void transcribesAVideoThroughItsAudioTrack() throws Exception {
        FAKE.on("/v1/audio/transcriptions", FakeOpenAiServer.transcription("We agreed to ship on Friday."));
        Path video = scratch.resolve("standup.mp4");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=duration=2:size=160x120:rate=10",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-shortest", "-pix_fmt", "yuv420p", "-y",
                video.toString()).redirectErrorStream(true).start();
        assertThat(ffmpeg.waitFor()).isZero();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("recording", new FileSystemResource(video), MediaType.parseMediaType("video/mp4"));

        Map<String, Object> run = http.post().uri("/api/skills/lab/transcribe/runs?wait=true")
                .body(BodyInserters.fromMultipartData(body.build())).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(run.get("status")).isEqualTo("succeeded");
        Map<?, ?> result = (Map<?, ?>) run.get("result");
        assertThat(result.get("text")).isEqualTo("We agreed to ship on Friday.");
        assertThat(result.get("engine")).isEqualTo("fake/fake-whisper");
        assertThat(result.get("frames")).isEqualTo(2);
        List<FakeOpenAiServer.Request> sent = FAKE.requests("/v1/audio/transcriptions");
        assertThat(sent.get(sent.size() - 1).body()).contains("standup.wav").contains("RIFF").contains("WAVE");
    }

    @Test
    void aPluginNotGrantedChatIsRefusedAndAuditedUntilAnAdminGrantsIt() {
        FAKE.on("/v1/chat/completions", FakeOpenAiServer.chat("Granted now.", 5, 2));
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new FileSystemResource(TestPluginArchive.plugin("frugal").extensions(AskSkill.class)
                .descriptor("plugin.capabilities", "model.chat, ocr").writeTo(scratch)),
                MediaType.parseMediaType("application/zip"));
        http.post().uri("/api/plugins?grant=ocr").body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.capabilities.declared").isEqualTo(List.of("model.chat", "ocr"))
                .jsonPath("$.capabilities.granted").isEqualTo(List.of("ocr"));

        Map<String, Object> refused = http.post().uri("/api/skills/frugal/ask/runs?wait=true")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"question\":\"may I?\"}").exchange()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(refused.get("status")).isEqualTo("failed");
        assertThat(((Map<?, ?>) refused.get("error")).get("code")).isEqualTo("capability-not-granted");
        assertThat(((Map<?, ?>) refused.get("error")).get("status")).isEqualTo(403);
        http.get().uri("/api/audit?action=capability").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].target").isEqualTo("plugin frugal model.chat")
                .jsonPath("$.items[0].outcome").isEqualTo("denied");

        http.put().uri("/api/plugins/frugal/grants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capabilities", List.of("model.image"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("capability-not-declared");
        http.put().uri("/api/plugins/frugal/grants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("capabilities", List.of("model.chat", "ocr"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.capabilities.granted").isEqualTo(List.of("model.chat", "ocr"));
        Map<String, Object> answered = post("/api/skills/frugal/ask/runs?wait=true", "{\"question\":\"may I?\"}");
        assertThat(answered.get("status")).isEqualTo("succeeded");
        assertThat(((Map<?, ?>) answered.get("result")).get("answer")).isEqualTo("Granted now.");
    }

    private Map<String, Object> post(String uri, String json) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }
}
