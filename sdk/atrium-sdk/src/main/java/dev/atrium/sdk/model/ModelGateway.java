package dev.atrium.sdk.model;

import dev.atrium.sdk.Media;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The one door to models. Calls are routed to a remote provider or to the embedded engine by the host's
 * configuration; {@link #status(Capability)} tells which, so a skill can pick its offline path.
 * An unavailable capability throws {@link dev.atrium.sdk.CapabilityUnavailableException}; provider
 * failures throw {@link dev.atrium.sdk.ProviderException} or {@link dev.atrium.sdk.SkillTimeoutException}.
 * Calls block; skills run on worker threads.
 *
 * @since 0.1
 */
public interface ModelGateway {

    /** Whether and where a capability is backed for the calling skill. */
    CapabilityStatus status(Capability capability);

    /** Shorthand for {@code status(capability).available()}. */
    default boolean isAvailable(Capability capability) {
        return status(capability).available();
    }

    /** Shorthand for {@code status(capability).remote()}. */
    default boolean isRemote(Capability capability) {
        return status(capability).remote();
    }

    /** Answers a chat (with images if the request has them). */
    ChatResult chat(ChatRequest request);

    /** Streams a chat answer as it is generated. */
    Flux<ChatChunk> stream(ChatRequest request);

    /** Answers a chat as JSON matching the type's schema, parsed into the type. */
    <T> StructuredResult<T> structured(ChatRequest request, Class<T> type);

    /** Transcribes speech; {@code language} may be {@code null} to detect it. */
    Transcript transcribe(Media audio, String language);

    /** Reads text from an image; languages such as {@code eng}, {@code chi_sim}; empty for the default. */
    OcrResult ocr(Media image, List<String> languages);

    /** Embeds texts. */
    Embeddings embed(List<String> texts);

    /** Generates or edits images. */
    ImageResult image(ImageRequest request);

    /** Starts a fluent chat call. */
    default ChatCall chat() {
        return new ChatCall(this);
    }
}
