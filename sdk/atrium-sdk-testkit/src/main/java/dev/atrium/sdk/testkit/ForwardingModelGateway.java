package dev.atrium.sdk.testkit;

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
import java.util.Objects;
import reactor.core.publisher.Flux;

/**
 * A gateway that hands every call to another one; a test overrides only the calls it changes, for example OCR
 * by a real engine while everything else stays scripted on a {@link FakeModelGateway}, or a cache in front of a
 * slow engine in an evaluation.
 *
 * @since 0.1
 */
public abstract class ForwardingModelGateway implements ModelGateway {

    private final ModelGateway delegate;

    /**
     * Forwards to the given gateway.
     *
     * @since 0.1
     */
    protected ForwardingModelGateway(ModelGateway delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The gateway calls are forwarded to.
     *
     * @since 0.1
     */
    protected ModelGateway delegate() {
        return delegate;
    }

    /** @since 0.1 */
    @Override
    public CapabilityStatus status(Capability capability) {
        return delegate.status(capability);
    }

    /** @since 0.1 */
    @Override
    public ChatResult chat(ChatRequest request) {
        return delegate.chat(request);
    }

    /** @since 0.1 */
    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        return delegate.stream(request);
    }

    /** @since 0.1 */
    @Override
    public <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        return delegate.structured(request, type);
    }

    /** @since 0.1 */
    @Override
    public Transcript transcribe(Media audio, String language) {
        return delegate.transcribe(audio, language);
    }

    /** @since 0.1 */
    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        return delegate.ocr(image, languages);
    }

    /** @since 0.1 */
    @Override
    public Embeddings embed(List<String> texts) {
        return delegate.embed(texts);
    }

    /** @since 0.1 */
    @Override
    public ImageResult image(ImageRequest request) {
        return delegate.image(request);
    }
}
