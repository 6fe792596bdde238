package dev.atrium.plugins.office;

import dev.atrium.engine.ocr.TesseractOcr;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.ChatChunk;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.model.ImageResult;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.model.StructuredResult;
import dev.atrium.sdk.model.Transcript;
import dev.atrium.sdk.testkit.FakeModelGateway;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The gateway a skill sees on a fresh platform: OCR by the embedded engine's Tesseract (the same class the
 * host wires in), every other capability from a {@link FakeModelGateway} (unavailable unless scripted).
 * The testkit's fake has no real OCR, and reading rendered receipts is what these tests are about.
 */
public final class EmbeddedOcrModels implements ModelGateway {

    private static final TesseractOcr OCR = new TesseractOcr();

    private final FakeModelGateway others;

    public EmbeddedOcrModels() {
        this(new FakeModelGateway());
    }

    public EmbeddedOcrModels(FakeModelGateway others) {
        this.others = others;
    }

    /** Whether Tesseract and its languages are installed here. */
    public static boolean available() {
        return OCR.isAvailable();
    }

    @Override
    public CapabilityStatus status(Capability capability) {
        return capability == Capability.OCR ? OCR.status() : others.status(capability);
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        return OCR.recognize(image, languages);
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        return others.chat(request);
    }

    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        return others.stream(request);
    }

    @Override
    public <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        return others.structured(request, type);
    }

    @Override
    public Transcript transcribe(Media audio, String language) {
        return others.transcribe(audio, language);
    }

    @Override
    public Embeddings embed(List<String> texts) {
        return others.embed(texts);
    }

    @Override
    public ImageResult image(ImageRequest request) {
        return others.image(request);
    }
}
