package dev.atrium.platform.models;

import static dev.atrium.platform.models.FakeOpenAiServer.chat;
import static dev.atrium.platform.models.FakeOpenAiServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.model.ChatChunk;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.model.ImageResult;
import dev.atrium.sdk.model.StructuredResult;
import dev.atrium.sdk.model.Transcript;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The remote provider against a local server speaking the OpenAI wire format. */
class RemoteProviderTest {

    private static final String KEY = "sk-test-secret-key-123456";

    private FakeOpenAiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void chatsWithSystemAndUserMessagesAndReportsUsageAndEngine() {
        server.on("/v1/chat/completions", chat("Paris.", 21, 2));

        ChatResult result = provider(2, Duration.ofSeconds(10)).chat(new ChatRequest(
                List.of(ChatMessage.system("Answer briefly."), ChatMessage.user("Capital of France?")), null, null));

        assertThat(result.text()).isEqualTo("Paris.");
        assertThat(result.usage().inputTokens()).isEqualTo(21);
        assertThat(result.usage().outputTokens()).isEqualTo(2);
        assertThat(result.engine()).isEqualTo(Engine.remote("fake", "fake-chat"));
        FakeOpenAiServer.Request sent = server.requests("/v1/chat/completions").get(0);
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.body()).contains("\"model\":\"fake-chat\"").contains("\"role\":\"system\"")
                .contains("Answer briefly.").contains("Capital of France?");
    }

    @Test
    void streamsChunksAndCountsTheUsageChunk() {
        server.on("/v1/chat/completions", FakeOpenAiServer.stream(12, 3, "Hel", "lo ", "there"));

        List<ChatChunk> chunks = provider(2, Duration.ofSeconds(10))
                .stream(new ChatRequest(List.of(ChatMessage.user("Say hello")), null, null))
                .collectList().block(Duration.ofSeconds(10));

        assertThat(chunks.stream().map(ChatChunk::text).collect(Collectors.joining())).isEqualTo("Hello there");
        assertThat(chunks).filteredOn(c -> c.usage() != null).last()
                .satisfies(c -> assertThat(c.usage().totalTokens()).isEqualTo(15));
        assertThat(server.requests("/v1/chat/completions").get(0).body())
                .contains("\"stream\":true").contains("include_usage");
    }

    @Test
    void sendsImagesAsDataUrlsToTheVisionModel() {
        server.on("/v1/chat/completions", chat("A red square.", 90, 4));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

        provider(2, Duration.ofSeconds(10)).chat(new ChatRequest(
                List.of(ChatMessage.user("What is this?", Media.of("a.png", "image/png", png))), null, null));

        String body = server.requests("/v1/chat/completions").get(0).body();
        assertThat(body).contains("\"model\":\"fake-vision\"").contains("image_url")
                .contains("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    }

    record Invoice(String merchant, double total) {
    }

    @Test
    void parsesStructuredOutputIntoARecordAndSendsTheSchema() {
        server.on("/v1/chat/completions", chat("{\"merchant\":\"ACME\",\"total\":12.5}", 50, 10));

        StructuredResult<Invoice> result = provider(2, Duration.ofSeconds(10))
                .structured(new ChatRequest(List.of(ChatMessage.user("Extract")), null, null), Invoice.class);

        assertThat(result.value()).isEqualTo(new Invoice("ACME", 12.5));
        assertThat(server.requests("/v1/chat/completions").get(0).body()).contains("json_schema").contains("merchant");
    }

    record Receipt(String vendor, String tip, int items, List<Line> lines) {
    }

    record Line(String description, Integer quantity) {
    }

    @Test
    void acceptsNullForWhatARecordCanLeaveEmptyButNotForAPrimitive() {
        server.on("/v1/chat/completions", chat("""
                {"vendor": "ACME", "tip": null, "items": 1, "lines": [{"description": "Tea", "quantity": null}]}""", 50, 10));

        StructuredResult<Receipt> result = provider(2, Duration.ofSeconds(10))
                .structured(new ChatRequest(List.of(ChatMessage.user("Extract")), null, null), Receipt.class);

        assertThat(result.value()).isEqualTo(new Receipt("ACME", null, 1, List.of(new Line("Tea", null))));
        assertThat(server.requests("/v1/chat/completions")).as("accepted without a repair").hasSize(1);
        String sent = server.requests("/v1/chat/completions").get(0).body().replaceAll("\\s", "");
        assertThat(sent).contains("\"tip\":{\"type\":[\"string\",\"null\"]}")
                .contains("\"quantity\":{\"type\":[\"integer\",\"null\"]")
                .contains("\"items\":{\"type\":\"integer\"");
    }

    @Test
    void repairsInvalidStructuredOutputOnceWithTheErrors() {
        server.on("/v1/chat/completions", chat("{\"merchant\":\"ACME\",\"total\":\"twelve\"", 50, 10),
                chat("```json\n{\"merchant\":\"ACME\",\"total\":12.0}\n```", 80, 10));

        StructuredResult<Invoice> result = provider(2, Duration.ofSeconds(10))
                .structured(new ChatRequest(List.of(ChatMessage.user("Extract")), null, null), Invoice.class);

        assertThat(result.value().total()).isEqualTo(12.0);
        assertThat(result.usage().inputTokens()).isEqualTo(130);
        List<FakeOpenAiServer.Request> sent = server.requests("/v1/chat/completions");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).body()).contains("does not match the required JSON schema");
    }

    @Test
    void givesUpWithAProviderErrorWhenTheRepairIsInvalidToo() {
        server.on("/v1/chat/completions", chat("not json", 5, 5));

        assertThatThrownBy(() -> provider(2, Duration.ofSeconds(10))
                .structured(new ChatRequest(List.of(ChatMessage.user("Extract")), null, null), Invoice.class))
                .isInstanceOf(ProviderException.class).hasMessageContaining("after one repair");
        assertThat(server.requests("/v1/chat/completions")).hasSize(2);
    }

    @Test
    void fallsBackToJsonObjectWithTheSchemaInThePromptWhenJsonSchemaIsRefused() {
        server.on("/v1/chat/completions",
                json(400, "{\"error\":{\"message\":\"This response_format type is unavailable now\","
                        + "\"type\":\"invalid_request_error\"}}"),
                chat("{\"merchant\":\"ACME\",\"total\":3.0}", 40, 8));
        RemoteProvider provider = provider(0, Duration.ofSeconds(10));
        ChatRequest request = new ChatRequest(List.of(ChatMessage.user("Extract")), null, null);

        assertThat(provider.structured(request, Invoice.class).value()).isEqualTo(new Invoice("ACME", 3.0));
        List<FakeOpenAiServer.Request> sent = server.requests("/v1/chat/completions");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).body()).contains("json_object").contains("matches this JSON Schema")
                .contains("merchant").doesNotContain("\"json_schema\"");

        provider.structured(request, Invoice.class);
        assertThat(server.requests("/v1/chat/completions")).hasSize(3);
    }

    @Test
    void transcribesAudioAsAMultipartUpload() {
        server.on("/v1/audio/transcriptions", FakeOpenAiServer.transcription("Let's ship on Friday."));

        Transcript transcript = provider(2, Duration.ofSeconds(10))
                .transcribe(Media.of("meeting.wav", "audio/wav", new byte[] {'R', 'I', 'F', 'F', 0, 0}), "en");

        assertThat(transcript.text()).isEqualTo("Let's ship on Friday.");
        assertThat(transcript.engine().model()).isEqualTo("fake-whisper");
        FakeOpenAiServer.Request sent = server.requests("/v1/audio/transcriptions").get(0);
        assertThat(sent.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(sent.body()).contains("meeting.wav").contains("fake-whisper").contains("name=\"language\"");
    }

    @Test
    void editsAnImageAndDecodesTheResult() {
        byte[] edited = "edited-image-bytes".getBytes(StandardCharsets.UTF_8);
        server.on("/v1/images/edits", FakeOpenAiServer.image(Base64.getEncoder().encodeToString(edited)));

        ImageResult result = provider(2, Duration.ofSeconds(10)).image(new ImageRequest("put the shirt on the model",
                Media.of("model.png", "image/png", new byte[] {1, 2, 3}), null, "1024x1024", 1));

        assertThat(result.images()).singleElement().satisfies(m -> assertThat(m.bytes()).isEqualTo(edited));
        FakeOpenAiServer.Request sent = server.requests("/v1/images/edits").get(0);
        assertThat(sent.header("Content-Type")).startsWith("multipart/form-data");
        assertThat(sent.body()).contains("put the shirt on the model").contains("fake-image");
    }

    @Test
    void editsWithReferenceImagesSendingEveryImageAsAnImagePart() {
        server.on("/v1/images/edits", FakeOpenAiServer.image(Base64.getEncoder().encodeToString(new byte[] {9})));

        provider(2, Duration.ofSeconds(10)).image(new ImageRequest("dress the person in the garment",
                Media.of("guide.png", "image/png", "GUIDE-BYTES".getBytes(StandardCharsets.UTF_8)), null, null, 1,
                List.of(Media.of("garment.png", "image/png", "GARMENT-BYTES".getBytes(StandardCharsets.UTF_8)))));

        String body = server.requests("/v1/images/edits").get(0).body();
        assertThat(body).contains("name=\"image[]\"").contains("GUIDE-BYTES").contains("GARMENT-BYTES");
        assertThat(body.indexOf("GUIDE-BYTES")).isLessThan(body.indexOf("GARMENT-BYTES"));
    }

    @Test
    void embedsTexts() {
        server.on("/v1/embeddings", FakeOpenAiServer.embeddings(new float[] {1, 0}, new float[] {0, 1}));

        Embeddings embeddings = provider(2, Duration.ofSeconds(10)).embed(List.of("a", "b"));

        assertThat(embeddings.vectors()).hasSize(2);
        assertThat(embeddings.vectors().get(1)).containsExactly(0f, 1f);
        assertThat(embeddings.usage().inputTokens()).isEqualTo(7);
    }

    @Test
    void retriesAfterA429HonouringRetryAfter() {
        server.on("/v1/chat/completions",
                json(429, "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit\"}}", "Retry-After", "1"),
                chat("ok", 1, 1));

        long began = System.nanoTime();
        ChatResult result = provider(2, Duration.ofSeconds(10))
                .chat(new ChatRequest(List.of(ChatMessage.user("hi")), null, null));

        assertThat(result.text()).isEqualTo("ok");
        assertThat(server.requests("/v1/chat/completions")).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void opensTheCircuitAfterRepeated500sAndStopsCallingTheProvider() {
        server.on("/v1/chat/completions", json(500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}"));
        RemoteProvider provider = provider(0, Duration.ofSeconds(10));
        ChatRequest request = new ChatRequest(List.of(ChatMessage.user("hi")), null, null);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> provider.chat(request)).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("HTTP 500");
        }
        int sentBefore = server.requests().size();
        assertThatThrownBy(() -> provider.chat(request)).isInstanceOf(ProviderException.class)
                .hasMessageContaining("circuit open");
        assertThat(server.requests()).hasSize(sentBefore);
    }

    @Test
    void timesOutAServerThatNeverAnswers() {
        server.on("/v1/chat/completions", FakeOpenAiServer.hang());

        long began = System.nanoTime();
        assertThatThrownBy(() -> provider(0, Duration.ofSeconds(1))
                .chat(new ChatRequest(List.of(ChatMessage.user("hi")), null, null)))
                .isInstanceOf(SkillTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void reportsMalformedJsonAsAProviderError() {
        server.on("/v1/chat/completions", json(200, "{\"id\": \"x\", \"choices\": [ oops"));

        assertThatThrownBy(() -> provider(0, Duration.ofSeconds(10))
                .chat(new ChatRequest(List.of(ChatMessage.user("hi")), null, null)))
                .isInstanceOf(ProviderException.class);
    }

    @Test
    void neverPutsTheApiKeyInAnError() {
        server.on("/v1/chat/completions", json(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + KEY + "\",\"type\":\"invalid_request_error\"}}"));

        assertThatThrownBy(() -> provider(0, Duration.ofSeconds(10))
                .chat(new ChatRequest(List.of(ChatMessage.user("hi")), null, null)))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    }

    private RemoteProvider provider(int retries, Duration timeout) {
        ModelsProperties.Provider settings = new ModelsProperties.Provider(server.baseUrl(), KEY, "fake-chat",
                "fake-vision", "fake-whisper", "fake-image", "fake-embed", timeout, retries,
                new ModelsProperties.Price(new BigDecimal("0.5"), new BigDecimal("1.5"), "USD"));
        return new RemoteProvider("fake", settings, JsonMapper.builder().build(), ObservationRegistry.NOOP,
                new SimpleMeterRegistry());
    }
}
