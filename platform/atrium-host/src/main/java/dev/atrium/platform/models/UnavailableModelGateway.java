package dev.atrium.platform.models;

import dev.atrium.sdk.CapabilityUnavailableException;
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
import java.util.List;
import reactor.core.publisher.Flux;
import org.springframework.stereotype.Component;

/**
 * The gateway until model providers and the embedded engine are wired in: every capability reports
 * itself unavailable with a reason, and every call fails with {@link CapabilityUnavailableException}.
 */
@Component
public class UnavailableModelGateway implements ModelGateway {

    private static final String REASON =
            "no model provider serves %s on this installation yet; configure atrium.models.providers.*";

    @Override
    public CapabilityStatus status(Capability capability) {
        return CapabilityStatus.unavailable(capability, REASON.formatted(capability));
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        throw unavailable(Capability.CHAT);
    }

    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        return Flux.error(unavailable(Capability.CHAT));
    }

    @Override
    public <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        throw unavailable(Capability.STRUCTURED_OUTPUT);
    }

    @Override
    public Transcript transcribe(Media audio, String language) {
        throw unavailable(Capability.TRANSCRIPTION);
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        throw unavailable(Capability.OCR);
    }

    @Override
    public Embeddings embed(List<String> texts) {
        throw unavailable(Capability.EMBEDDINGS);
    }

    @Override
    public ImageResult image(ImageRequest request) {
        throw unavailable(request.isEdit() ? Capability.IMAGE_EDIT : Capability.IMAGE_GENERATION);
    }

    private static CapabilityUnavailableException unavailable(Capability capability) {
        return new CapabilityUnavailableException(REASON.formatted(capability));
    }
}
