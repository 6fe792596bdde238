package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.ChatChunk;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.model.ImageResult;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.model.StructuredResult;
import dev.atrium.sdk.model.Transcript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FakeModelGatewayTest {

    private static final Media PNG = Media.of("photo.png", "image/png", new byte[] {1, 2, 3});

    record Invoice(String vendor, double total) {
    }

    @ParameterizedTest
    @EnumSource(Capability.class)
    void unscriptedCapabilityIsUnavailableWithAReasonNamingTheScriptingMethod(Capability capability) {
        CapabilityStatus status = new FakeModelGateway().status(capability);

        assertThat(status.available()).isFalse();
        assertThat(status.engine()).isNull();
        assertThat(status.reason()).contains(capability.name(), "FakeModelGateway", "on");
    }

    @Test
    void callToAnUnscriptedCapabilityThrowsAndIsStillRecorded() {
        FakeModelGateway models = new FakeModelGateway();

        assertThatThrownBy(() -> models.chat().user("hi").call())
                .isInstanceOf(CapabilityUnavailableException.class).hasMessageContaining("onChat");
        assertThatThrownBy(() -> models.embed(List.of("a"))).isInstanceOf(CapabilityUnavailableException.class);
        assertThatThrownBy(() -> models.ocr(PNG, List.of())).isInstanceOf(CapabilityUnavailableException.class);
        assertThatThrownBy(() -> models.transcribe(PNG, null)).isInstanceOf(CapabilityUnavailableException.class);
        assertThatThrownBy(() -> models.image(new ImageRequest("a cat", null, null, null, 1)))
                .isInstanceOf(CapabilityUnavailableException.class);
        assertThatThrownBy(() -> models.chat().user("x").call(Invoice.class))
                .isInstanceOf(CapabilityUnavailableException.class);
        assertThat(models.requests()).extracting(FakeModelGateway.Request::operation).containsExactly(
                FakeModelGateway.Operation.CHAT, FakeModelGateway.Operation.EMBED, FakeModelGateway.Operation.OCR,
                FakeModelGateway.Operation.TRANSCRIBE, FakeModelGateway.Operation.IMAGE,
                FakeModelGateway.Operation.STRUCTURED);
    }

    @Test
    void scriptedChatIsAvailableOnTheFakeRemoteEngineAndAnswersWithTheReply() {
        FakeModelGateway models = new FakeModelGateway().onChat("Bonjour tout le monde");

        ChatResult result = models.chat().system("Translate to French").user("Hello everyone").call();

        assertThat(models.status(Capability.CHAT))
                .isEqualTo(CapabilityStatus.available(Capability.CHAT, Engine.remote("fake", "fake-model")));
        assertThat(models.isRemote(Capability.CHAT)).isTrue();
        assertThat(result.text()).isEqualTo("Bonjour tout le monde");
        assertThat(result.engine()).isEqualTo(FakeModelGateway.ENGINE);
        assertThat(result.usage().inputTokens()).isEqualTo(5);
        assertThat(result.usage().outputTokens()).isEqualTo(4);
    }

    @Test
    void chatFunctionSeesTheRequestAndTheRequestIsRecorded() {
        FakeModelGateway models = new FakeModelGateway()
                .onChat(request -> "you said: " + request.messages().get(request.messages().size() - 1).text());

        String reply = models.chat().user("ping").temperature(0.2).call().text();

        assertThat(reply).isEqualTo("you said: ping");
        assertThat(models.lastChatRequest().temperature()).isEqualTo(0.2);
        assertThat(models.lastChatRequest().messages()).containsExactly(ChatMessage.user("ping"));
        assertThat(models.chatRequests()).hasSize(1);
    }

    @Test
    void scriptedFailureReachesTheSkill() {
        FakeModelGateway models = new FakeModelGateway().onChat(request -> {
            throw new ProviderException("rate limited");
        });

        assertThatThrownBy(() -> models.chat().user("hi").call()).isInstanceOf(ProviderException.class);
    }

    @Test
    void chatWithImagesNeedsVisionWhichCanBeSwitchedOffAlone() {
        FakeModelGateway models = new FakeModelGateway().onChat("a cat")
                .unavailable(Capability.VISION, "no vision model configured");

        assertThat(models.chat().user("what is this?").call().text()).isEqualTo("a cat");
        assertThat(models.isAvailable(Capability.VISION)).isFalse();
        assertThatThrownBy(() -> models.chat().user("what is this?", PNG).call())
                .isInstanceOf(CapabilityUnavailableException.class).hasMessage("no vision model configured");
        assertThat(models.lastChatRequest().hasImages()).isTrue();
    }

    @Test
    void streamSendsTheScriptedChunksWithUsageOnTheLast() {
        FakeModelGateway models = new FakeModelGateway().onStream("Hel", "lo ", "there");

        List<ChatChunk> chunks = models.chat().user("hi").stream().collectList().block();

        assertThat(chunks).extracting(ChatChunk::text).containsExactly("Hel", "lo ", "there");
        assertThat(chunks.get(0).usage()).isNull();
        assertThat(chunks.get(2).usage().outputTokens()).isEqualTo(2);
        assertThat(models.chat().user("again").call().text()).isEqualTo("Hello there");
        assertThat(models.requests()).extracting(FakeModelGateway.Request::operation)
                .containsExactly(FakeModelGateway.Operation.STREAM, FakeModelGateway.Operation.CHAT);
    }

    @Test
    void streamWithOnlyAChatReplyScriptedSendsItWordByWord() {
        FakeModelGateway models = new FakeModelGateway().onChat("one two  three");

        List<String> pieces = models.stream(new ChatRequest(List.of(ChatMessage.user("count")), null, null))
                .map(ChatChunk::text).collectList().block();

        assertThat(pieces).containsExactly("one ", "two  ", "three");
    }

    @Test
    void structuredValueIsReturnedAsIsAndWrittenAsJson() {
        Invoice invoice = new Invoice("ACME", 12.5);
        FakeModelGateway models = new FakeModelGateway().onStructured(invoice);

        StructuredResult<Invoice> result = models.chat().user("read this").call(Invoice.class);

        assertThat(result.value()).isSameAs(invoice);
        assertThat(result.json()).isEqualTo("{\"vendor\":\"ACME\",\"total\":12.5}");
        assertThat(result.engine()).isEqualTo(FakeModelGateway.ENGINE);
        assertThat(models.isAvailable(Capability.STRUCTURED_OUTPUT)).isTrue();
        assertThat(models.isAvailable(Capability.CHAT)).isFalse();
    }

    @Test
    void structuredMapIsConvertedToTheRequestedType() {
        FakeModelGateway models = new FakeModelGateway().onStructured(Map.of("vendor", "ACME", "total", 3));

        assertThat(models.chat().user("x").call(Invoice.class).value()).isEqualTo(new Invoice("ACME", 3));
    }

    @Test
    void structuredJsonIsParsedIntoTheRequestedType() {
        FakeModelGateway models = new FakeModelGateway().onStructuredJson("{\"vendor\":\"宜家\",\"total\":99.9}");

        StructuredResult<Invoice> result = models.chat().user("x").call(Invoice.class);

        assertThat(result.value()).isEqualTo(new Invoice("宜家", 99.9));
        assertThat(result.json()).isEqualTo("{\"vendor\":\"宜家\",\"total\":99.9}");
    }

    @Test
    void structuredJsonThatDoesNotFitTheTypeIsAProviderError() {
        FakeModelGateway models = new FakeModelGateway().onStructuredJson("{\"vendor\": [1, 2");

        assertThatThrownBy(() -> models.chat().user("x").call(Invoice.class))
                .isInstanceOf(ProviderException.class).hasMessageContaining("Invoice");
    }

    @Test
    void ocrTextBecomesLinesAndWordsWithBoxes() {
        FakeModelGateway models = new FakeModelGateway().onOcr("TOTAL 12.50\n\n合计 12.50\n");

        OcrResult result = models.ocr(PNG, List.of("eng", "chi_sim"));

        assertThat(result.text()).isEqualTo("TOTAL 12.50\n合计 12.50");
        assertThat(result.lines()).extracting(OcrResult.Line::text).containsExactly("TOTAL 12.50", "合计 12.50");
        assertThat(result.words()).extracting(OcrResult.Word::text).containsExactly("TOTAL", "12.50", "合计", "12.50");
        assertThat(result.words()).extracting(OcrResult.Word::line).containsExactly(0, 0, 1, 1);
        assertThat(result.words().get(1).box().x()).isGreaterThan(result.words().get(0).box().x());
        assertThat(models.requests().get(0).payload())
                .isEqualTo(new FakeModelGateway.OcrRequest(PNG, List.of("eng", "chi_sim")));
    }

    @Test
    void engineCanBeSetPerCapabilityToTestAnOfflinePath() {
        OcrResult scripted = new OcrResult("x", List.of(), List.of(), Engine.embedded("tesseract-5"));
        FakeModelGateway models = new FakeModelGateway().onOcr(scripted)
                .engine(Capability.OCR, Engine.embedded("tesseract-5"));

        assertThat(models.isAvailable(Capability.OCR)).isTrue();
        assertThat(models.isRemote(Capability.OCR)).isFalse();
        assertThat(models.ocr(PNG, List.of())).isSameAs(scripted);
    }

    @Test
    void embeddingsAreComputedPerTextInOrder() {
        FakeModelGateway models = new FakeModelGateway().onEmbed(text -> new float[] {text.length(), 1});

        Embeddings embeddings = models.embed(List.of("a", "abc"));

        assertThat(embeddings.vectors()).hasSize(2);
        assertThat(embeddings.vectors().get(1)).containsExactly(3, 1);
        assertThat(embeddings.usage().inputTokens()).isEqualTo(2);
        assertThat(models.requests().get(0).payload())
                .isEqualTo(new FakeModelGateway.EmbeddingRequest(List.of("a", "abc")));
    }

    @Test
    void transcriptionAnswersWithTheScriptedText() {
        Media audio = Media.of("meeting.wav", "audio/wav", new byte[4]);
        FakeModelGateway models = new FakeModelGateway().onTranscribe("let us begin");

        Transcript transcript = models.transcribe(audio, "en");

        assertThat(transcript.text()).isEqualTo("let us begin");
        assertThat(transcript.engine()).isEqualTo(FakeModelGateway.ENGINE);
        assertThat(models.requests().get(0).payload()).isEqualTo(new FakeModelGateway.TranscriptionRequest(audio, "en"));
    }

    @Test
    void imageGenerationAndEditBothAnswerWithTheScriptedImages() {
        FakeModelGateway models = new FakeModelGateway().onImage(PNG);

        ImageResult generated = models.image(new ImageRequest("a red square", null, null, "256x256", 1));
        ImageResult edited = models.image(new ImageRequest("make it blue", PNG, null, null, 1));

        assertThat(generated.images()).containsExactly(PNG);
        assertThat(edited.images()).containsExactly(PNG);
        assertThat(models.isAvailable(Capability.IMAGE_GENERATION)).isTrue();
        assertThat(models.isAvailable(Capability.IMAGE_EDIT)).isTrue();
    }

    @Test
    void lastChatRequestWithoutAnyChatFailsClearly() {
        assertThatThrownBy(() -> new FakeModelGateway().lastChatRequest())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no chat request");
    }

    @Test
    void usageCountsEachChineseCharacterAsAToken() {
        FakeModelGateway models = new FakeModelGateway().onChat("你好世界");

        assertThat(models.chat().user("hi").call().usage().outputTokens()).isEqualTo(4);
    }
}
