package dev.atrium.platform.plugins;

import dev.atrium.sdk.CapabilityNotGrantedException;
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
import java.util.function.Consumer;
import reactor.core.publisher.Flux;

/**
 * The model gateway as a plugin sees it: every call checks that the plugin was granted the capability it
 * needs, and a refusal is reported (for the audit log) and thrown as {@link CapabilityNotGrantedException}.
 * A capability the plugin was not granted reads as unavailable, so a skill that checks first falls back
 * to its offline path instead of failing.
 */
public final class GrantedGateway implements ModelGateway {

    private final ModelGateway delegate;
    private final String pluginId;
    private final Capabilities granted;
    private final Consumer<String> onRefused;

    /**
     * @param onRefused told the capability name each time a call is refused
     */
    public GrantedGateway(ModelGateway delegate, String pluginId, Capabilities granted, Consumer<String> onRefused) {
        this.delegate = delegate;
        this.pluginId = pluginId;
        this.granted = granted;
        this.onRefused = onRefused;
    }

    /** The grant a model capability needs. */
    public static String grantFor(Capability capability) {
        return switch (capability) {
            case CHAT, STRUCTURED_OUTPUT -> "model.chat";
            case VISION -> "model.vision";
            case TRANSCRIPTION -> "model.transcribe";
            case OCR -> "ocr";
            case EMBEDDINGS -> "embeddings";
            case IMAGE_GENERATION, IMAGE_EDIT -> "model.image";
        };
    }

    @Override
    public CapabilityStatus status(Capability capability) {
        String grant = grantFor(capability);
        if (!granted.has(grant)) {
            return CapabilityStatus.unavailable(capability, notGranted(grant));
        }
        return delegate.status(capability);
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        check(request.hasImages() ? "model.vision" : "model.chat");
        return delegate.chat(request);
    }

    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        check(request.hasImages() ? "model.vision" : "model.chat");
        return delegate.stream(request);
    }

    @Override
    public <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        check(request.hasImages() ? "model.vision" : "model.chat");
        return delegate.structured(request, type);
    }

    @Override
    public Transcript transcribe(Media audio, String language) {
        check("model.transcribe");
        return delegate.transcribe(audio, language);
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        check("ocr");
        return delegate.ocr(image, languages);
    }

    @Override
    public Embeddings embed(List<String> texts) {
        check("embeddings");
        return delegate.embed(texts);
    }

    @Override
    public ImageResult image(ImageRequest request) {
        check("model.image");
        return delegate.image(request);
    }

    private void check(String grant) {
        if (!granted.has(grant)) {
            onRefused.accept(grant);
            throw new CapabilityNotGrantedException(grant, notGranted(grant));
        }
    }

    private String notGranted(String grant) {
        return "plugin '" + pluginId + "' has not been granted " + grant + "; it must declare it in "
                + "plugin.capabilities and an administrator must grant it (PUT /api/plugins/" + pluginId + "/grants)";
    }
}
