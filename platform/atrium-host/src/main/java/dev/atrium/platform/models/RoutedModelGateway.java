package dev.atrium.platform.models;

import dev.atrium.platform.usage.ModelCall;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.CapabilityStatus;
import dev.atrium.sdk.model.ChatChunk;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ImageRequest;
import dev.atrium.sdk.model.ImageResult;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.model.StructuredResult;
import dev.atrium.sdk.model.Transcript;
import dev.atrium.sdk.model.Usage;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;

/**
 * The {@link ModelGateway} one caller (a run, or the admin playground) sees: each capability routed to
 * its provider, every call metered with the caller's plugin, skill, run and tenant.
 */
final class RoutedModelGateway implements ModelGateway {

    private final ModelProviders providers;
    private final Caller caller;
    private final String forcedProvider;
    private final Consumer<ModelCall> meter;
    private final Clock clock;

    /**
     * @param caller who is calling, for routing and attribution
     * @param forcedProvider a provider every capability goes to (the playground), or {@code null} to route
     * @param meter receives every call made
     */
    RoutedModelGateway(ModelProviders providers, Caller caller, String forcedProvider, Consumer<ModelCall> meter,
                       Clock clock) {
        this.providers = providers;
        this.caller = caller;
        this.forcedProvider = forcedProvider;
        this.meter = meter;
        this.clock = clock;
    }

    /**
     * Who is calling.
     *
     * @param plugin plugin id ({@code admin} for the playground)
     * @param skill skill id, may be empty
     * @param runId run id, may be empty
     * @param tenant tenant id
     */
    record Caller(String plugin, String skill, String runId, String tenant) {
    }

    @Override
    public CapabilityStatus status(Capability capability) {
        String provider = providerFor(capability);
        if (provider.equals(ModelsProperties.EMBEDDED)) {
            CapabilityStatus status = providers.embedded().status(capability);
            return status.available() ? status : CapabilityStatus.unavailable(capability, status.reason());
        }
        RemoteProvider remote = providers.remote(provider).orElseThrow();
        return remote.capabilities().contains(capability)
                ? CapabilityStatus.available(capability, remote.engine(capability))
                : CapabilityStatus.unavailable(capability, "provider '" + provider + "' has no model for "
                + CapabilityNames.of(capability));
    }

    @Override
    public ChatResult chat(ChatRequest request) {
        Capability capability = request.hasImages() ? Capability.VISION : Capability.CHAT;
        RemoteProvider remote = remoteFor(capability);
        return metered(capability, remote, () -> remote.chat(request), ChatResult::usage);
    }

    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        Capability capability = request.hasImages() ? Capability.VISION : Capability.CHAT;
        RemoteProvider remote;
        try {
            remote = remoteFor(capability);
        } catch (SkillException e) {
            return Flux.error(e);
        }
        return Flux.defer(() -> {
            long began = System.nanoTime();
            AtomicReference<Usage> usage = new AtomicReference<>(Usage.NONE);
            return remote.stream(request)
                    .doOnNext(chunk -> {
                        if (chunk.usage() != null) {
                            usage.set(chunk.usage());
                        }
                    })
                    .doOnComplete(() -> record(capability, remote.name(), remote.modelFor(capability), began,
                            usage.get(), "ok", remote.settings().price()))
                    .doOnError(error -> record(capability, remote.name(), remote.modelFor(capability), began,
                            Usage.NONE, codeOf(error), remote.settings().price()));
        });
    }

    @Override
    public <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        RemoteProvider remote = remoteFor(Capability.STRUCTURED_OUTPUT);
        return metered(Capability.STRUCTURED_OUTPUT, remote, () -> remote.structured(request, type),
                StructuredResult::usage);
    }

    @Override
    public Transcript transcribe(Media audio, String language) {
        RemoteProvider remote = remoteFor(Capability.TRANSCRIPTION);
        // Speech APIs take audio; a video recording goes through its audio track.
        Media speech = audio.mediaType().startsWith("video/") ? providers.embedded().audioTrack(audio) : audio;
        return metered(Capability.TRANSCRIPTION, remote, () -> remote.transcribe(speech, language), t -> Usage.NONE);
    }

    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        if (providerFor(Capability.OCR).equals(ModelsProperties.EMBEDDED)) {
            return meteredEmbedded(Capability.OCR, () -> providers.embedded().ocr(image, languages), OcrResult::engine);
        }
        RemoteProvider remote = remoteFor(Capability.OCR);
        return metered(Capability.OCR, remote, () -> remote.ocr(image), r -> Usage.NONE);
    }

    @Override
    public Embeddings embed(List<String> texts) {
        if (providerFor(Capability.EMBEDDINGS).equals(ModelsProperties.EMBEDDED)) {
            return meteredEmbedded(Capability.EMBEDDINGS, () -> providers.embedded().embed(texts), Embeddings::engine);
        }
        RemoteProvider remote = remoteFor(Capability.EMBEDDINGS);
        return metered(Capability.EMBEDDINGS, remote, () -> remote.embed(texts), Embeddings::usage);
    }

    @Override
    public ImageResult image(ImageRequest request) {
        Capability capability = request.isEdit() ? Capability.IMAGE_EDIT : Capability.IMAGE_GENERATION;
        RemoteProvider remote = remoteFor(capability);
        return metered(capability, remote, () -> remote.image(request), ImageResult::usage);
    }

    private String providerFor(Capability capability) {
        return forcedProvider != null ? forcedProvider : providers.route(caller.plugin(), capability);
    }

    private RemoteProvider remoteFor(Capability capability) {
        String provider = providerFor(capability);
        if (provider.equals(ModelsProperties.EMBEDDED)) {
            throw new CapabilityUnavailableException(CapabilityNames.of(capability)
                    + " needs a remote model: the embedded engine has no generative or speech model. Configure an "
                    + "OpenAI-compatible provider (atrium.models.providers.<name>.base-url, .api-key, .chat-model"
                    + (capability == Capability.TRANSCRIPTION ? ", .transcription-model" : "")
                    + ") and set atrium.models.default-provider=<name> or a route for this plugin");
        }
        return providers.remote(provider).orElseThrow(() -> new CapabilityUnavailableException(
                "model provider '" + provider + "' is routed to but not configured"));
    }

    private <T> T metered(Capability capability, RemoteProvider remote, Supplier<T> call, Function<T, Usage> usage) {
        long began = System.nanoTime();
        try {
            T result = call.get();
            record(capability, remote.name(), remote.modelFor(capability), began, usage.apply(result), "ok",
                    remote.settings().price());
            return result;
        } catch (RuntimeException e) {
            record(capability, remote.name(), remote.modelFor(capability), began, Usage.NONE, codeOf(e),
                    remote.settings().price());
            throw e;
        }
    }

    private <T> T meteredEmbedded(Capability capability, Supplier<T> call, Function<T, Engine> engine) {
        long began = System.nanoTime();
        try {
            T result = call.get();
            record(capability, ModelsProperties.EMBEDDED, engine.apply(result).model(), began, Usage.NONE, "ok", null);
            return result;
        } catch (RuntimeException e) {
            record(capability, ModelsProperties.EMBEDDED, "", began, Usage.NONE, codeOf(e), null);
            throw e;
        }
    }

    private void record(Capability capability, String provider, String model, long began, Usage usage,
                        String outcome, ModelsProperties.Price price) {
        BigDecimal cost = price == null ? BigDecimal.ZERO : price.cost(usage.inputTokens(), usage.outputTokens());
        meter.accept(new ModelCall(clock.instant(), provider, model == null ? "" : model, CapabilityNames.of(capability),
                caller.plugin(), caller.skill(), caller.runId(), caller.tenant(), usage.inputTokens(),
                usage.outputTokens(), (System.nanoTime() - began) / 1_000_000, cost,
                price == null ? "USD" : price.currency(), outcome));
    }

    private static String codeOf(Throwable error) {
        return error instanceof SkillException typed ? typed.code() : "error";
    }
}
