package dev.atrium.platform.models;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.openai.client.OpenAIClient;
import com.openai.client.OpenAIClientAsync;
import com.openai.models.images.ImageEditParams;
import com.openai.models.images.ImagesResponse;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.model.Capability;
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
import dev.atrium.sdk.model.Usage;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.openai.OpenAiAudioTranscriptionModel;
import org.springframework.ai.openai.OpenAiAudioTranscriptionOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.OpenAiImageModel;
import org.springframework.ai.openai.OpenAiImageOptions;
import org.springframework.ai.openai.setup.OpenAiSetup;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One configured OpenAI-compatible provider, reached through Spring AI's OpenAI clients (built here, not
 * by auto-configuration). The SDK client retries 429/5xx/connection errors with jittered backoff honouring
 * {@code Retry-After}; this class adds a circuit breaker per provider and translates everything into SDK
 * types and typed errors. Plugins never see a Spring AI type.
 */
final class RemoteProvider {

    private static final String OCR_PROMPT = "Transcribe all text in this image exactly as written, line by line, "
            + "in reading order. Output only the text.";

    private final String name;
    private final ModelsProperties.Provider settings;
    private final JsonMapper json;
    private final OpenAIClient client;
    private final OpenAiChatModel chat;
    private final OpenAiAudioTranscriptionModel transcription;
    private final OpenAiImageModel images;
    private final OpenAiEmbeddingModel embeddings;
    private final CircuitBreaker breaker;
    /** Whether the server accepts {@code response_format: json_schema}; learnt on the first refusal. */
    private volatile boolean jsonSchemaSupported = true;
    /**
     * Each record type's structured-output schema, generated, widened for nulls and compiled on its first call
     * rather than on every call. A ClassValue, so a plugin's classes do not stay reachable after it is unloaded.
     */
    private final ClassValue<CompiledSchema> schemas = new ClassValue<>() {
        @Override
        protected CompiledSchema computeValue(Class<?> type) {
            String text = NullableSchema.of(new BeanOutputConverter<>(type, json).getJsonSchema(), type, json);
            return new CompiledSchema(text, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text));
        }
    };

    /** A schema as sent to the model and as the answer is validated against. */
    private record CompiledSchema(String text, Schema schema) {
    }

    RemoteProvider(String name, ModelsProperties.Provider settings, JsonMapper json,
                   ObservationRegistry observations, MeterRegistry meters) {
        if (ModelsProperties.Provider.blank(settings.baseUrl())) {
            throw new IllegalArgumentException("provider '" + name + "' needs a base-url (ending in /v1)");
        }
        this.name = name;
        this.settings = settings;
        this.json = json;
        String key = ModelsProperties.Provider.blank(settings.apiKey()) ? "none" : settings.apiKey();
        this.client = OpenAiSetup.setupSyncClient(settings.baseUrl(), key, null, null, null, null, false, false,
                settings.chatModel(), settings.timeout(), settings.maxRetries(), null, Map.of(), observations, meters,
                List.of());
        OpenAIClientAsync async = OpenAiSetup.setupAsyncClient(settings.baseUrl(), key, null, null, null, null,
                false, false, settings.chatModel(), settings.timeout(), settings.maxRetries(), null, Map.of(),
                observations, meters, List.of());
        this.chat = ModelsProperties.Provider.blank(settings.chatModel()) ? null : OpenAiChatModel.builder()
                .openAiClient(client).openAiClientAsync(async)
                .options(OpenAiChatOptions.builder().model(settings.chatModel()).streamUsage(true)
                        .timeout(settings.timeout()).maxRetries(settings.maxRetries()).build())
                .observationRegistry(observations).meterRegistry(meters).build();
        this.transcription = ModelsProperties.Provider.blank(settings.transcriptionModel()) ? null
                : OpenAiAudioTranscriptionModel.builder().openAiClient(client).openAiClientAsync(async)
                .options(OpenAiAudioTranscriptionOptions.builder().model(settings.transcriptionModel())
                        .timeout(settings.timeout()).maxRetries(settings.maxRetries()).build())
                .build();
        this.images = ModelsProperties.Provider.blank(settings.imageModel()) ? null : OpenAiImageModel.builder()
                .openAiClient(client).observationRegistry(observations)
                .options(OpenAiImageOptions.builder().model(settings.imageModel()).timeout(settings.timeout())
                        .maxRetries(settings.maxRetries()).build()).build();
        this.embeddings = ModelsProperties.Provider.blank(settings.embeddingModel()) ? null
                : new OpenAiEmbeddingModel(client, MetadataMode.EMBED,
                OpenAiEmbeddingOptions.builder().model(settings.embeddingModel()).timeout(settings.timeout())
                        .maxRetries(settings.maxRetries()).build(), observations);
        this.breaker = CircuitBreaker.of("provider-" + name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ProviderErrors::isProviderFault)
                .build());
    }

    String name() {
        return name;
    }

    ModelsProperties.Provider settings() {
        return settings;
    }

    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** The capabilities this provider has a model for. */
    Set<Capability> capabilities() {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (chat != null) {
            capabilities.add(Capability.CHAT);
            capabilities.add(Capability.STRUCTURED_OUTPUT);
        }
        if (chat != null && !ModelsProperties.Provider.blank(settings.visionModel())) {
            capabilities.add(Capability.VISION);
            capabilities.add(Capability.OCR);
        }
        if (transcription != null) {
            capabilities.add(Capability.TRANSCRIPTION);
        }
        if (embeddings != null) {
            capabilities.add(Capability.EMBEDDINGS);
        }
        if (images != null) {
            capabilities.add(Capability.IMAGE_GENERATION);
            capabilities.add(Capability.IMAGE_EDIT);
        }
        return capabilities;
    }

    /** The model a capability uses here. */
    String modelFor(Capability capability) {
        return switch (capability) {
            case CHAT, STRUCTURED_OUTPUT -> settings.chatModel();
            case VISION, OCR -> settings.visionModel();
            case TRANSCRIPTION -> settings.transcriptionModel();
            case EMBEDDINGS -> settings.embeddingModel();
            case IMAGE_GENERATION, IMAGE_EDIT -> settings.imageModel();
        };
    }

    Engine engine(Capability capability) {
        return Engine.remote(name, modelFor(capability));
    }

    ChatResult chat(ChatRequest request) {
        Capability capability = request.hasImages() ? Capability.VISION : Capability.CHAT;
        ChatResponse response = guarded(() -> require(chat, capability).call(prompt(request, capability, null)));
        return new ChatResult(text(response), usage(response), engine(capability));
    }

    Flux<ChatChunk> stream(ChatRequest request) {
        Capability capability = request.hasImages() ? Capability.VISION : Capability.CHAT;
        OpenAiChatModel model = require(chat, capability);
        Engine engine = engine(capability);
        return Flux.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Flux.error(ProviderErrors.translate(name,
                        io.github.resilience4j.circuitbreaker.CallNotPermittedException.createCallNotPermittedException(breaker)));
            }
            long began = System.nanoTime();
            return model.stream(prompt(request, capability, null))
                    .map(response -> {
                        Usage usage = usage(response);
                        return new ChatChunk(text(response), usage.totalTokens() > 0 ? usage : null, engine);
                    })
                    .doOnComplete(() -> breaker.onSuccess(System.nanoTime() - began, TimeUnit.NANOSECONDS))
                    .doOnError(error -> breaker.onError(System.nanoTime() - began, TimeUnit.NANOSECONDS, error))
                    .onErrorMap(error -> ProviderErrors.translate(name, error));
        });
    }

    <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        Capability capability = request.hasImages() ? Capability.VISION : Capability.CHAT;
        OpenAiChatModel model = require(chat, Capability.STRUCTURED_OUTPUT);
        CompiledSchema compiled = schemas.get(type);
        String schemaText = compiled.text();
        Schema schema = compiled.schema();
        OpenAiChatModel.ResponseFormat strict = OpenAiChatModel.ResponseFormat.builder()
                .type(OpenAiChatModel.ResponseFormat.Type.JSON_SCHEMA).jsonSchema(schemaText).build();
        OpenAiChatModel.ResponseFormat plainJson = OpenAiChatModel.ResponseFormat.builder()
                .type(OpenAiChatModel.ResponseFormat.Type.JSON_OBJECT).build();
        List<ChatMessage> messages = new ArrayList<>(request.messages());
        if (!jsonSchemaSupported) {
            messages.add(0, schemaInstruction(schemaText));
        }
        Usage usage = Usage.NONE;
        String problems = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            ChatRequest current = new ChatRequest(messages, request.temperature(), request.maxTokens());
            ChatResponse response;
            try {
                response = guarded(() -> model.call(prompt(current, capability, jsonSchemaSupported ? strict : plainJson)));
            } catch (BadInputException refused) {
                if (!jsonSchemaSupported) {
                    throw refused;
                }
                // Some OpenAI-compatible servers (DeepSeek, older Ollama) only know {"type":"json_object"}:
                // from now on this provider gets the schema in the prompt instead.
                jsonSchemaSupported = false;
                messages.add(0, schemaInstruction(schemaText));
                ChatRequest retry = new ChatRequest(messages, request.temperature(), request.maxTokens());
                response = guarded(() -> model.call(prompt(retry, capability, plainJson)));
            }
            usage = usage.plus(usage(response));
            String answer = stripFences(text(response));
            try {
                JsonNode tree = json.readTree(answer);
                List<Error> errors = schema.validate(tree);
                if (errors.isEmpty()) {
                    return new StructuredResult<>(json.treeToValue(tree, type), answer, usage, engine(capability));
                }
                problems = errors.stream().limit(10).map(Error::toString).reduce((a, b) -> a + "; " + b).orElse("");
            } catch (JacksonException e) {
                problems = "not valid JSON: " + e.getOriginalMessage();
            }
            // One repair: show the model its answer and what is wrong with it.
            messages.add(ChatMessage.assistant(answer));
            messages.add(ChatMessage.user("That answer does not match the required JSON schema (" + problems
                    + "). Reply with only the corrected JSON object."));
        }
        throw new ProviderException("provider '" + name + "' did not produce JSON matching the "
                + type.getSimpleName() + " schema after one repair: " + problems);
    }

    private static ChatMessage schemaInstruction(String schema) {
        return ChatMessage.system("Reply with one JSON object only, no prose, that matches this JSON Schema:\n" + schema);
    }

    Transcript transcribe(Media audio, String language) {
        OpenAiAudioTranscriptionModel model = require(transcription, Capability.TRANSCRIPTION);
        OpenAiAudioTranscriptionOptions.Builder options = OpenAiAudioTranscriptionOptions.builder()
                .model(settings.transcriptionModel()).timeout(settings.timeout()).maxRetries(settings.maxRetries())
                .responseFormat(com.openai.models.audio.AudioResponseFormat.JSON);
        if (language != null && !language.isBlank()) {
            options.language(language);
        }
        String text = guarded(() -> model.call(new AudioTranscriptionPrompt(named(audio), options.build()))
                .getResult().getOutput());
        return new Transcript(text == null ? "" : text.strip(), language == null ? "" : language, List.of(),
                engine(Capability.TRANSCRIPTION));
    }

    Embeddings embed(List<String> texts) {
        OpenAiEmbeddingModel model = require(embeddings, Capability.EMBEDDINGS);
        EmbeddingResponse response = guarded(() -> model.call(new EmbeddingRequest(texts, null)));
        List<float[]> vectors = response.getResults().stream().map(e -> e.getOutput()).toList();
        org.springframework.ai.chat.metadata.Usage reported = response.getMetadata().getUsage();
        long input = reported == null || reported.getPromptTokens() == null ? 0 : reported.getPromptTokens();
        return new Embeddings(vectors, new Usage(input, 0), engine(Capability.EMBEDDINGS));
    }

    ImageResult image(ImageRequest request) {
        if (request.isEdit()) {
            require(images, Capability.IMAGE_EDIT);
            ImageEditParams.Builder params = ImageEditParams.builder().model(settings.imageModel())
                    .prompt(request.prompt()).n(request.count());
            if (request.references().isEmpty()) {
                params.image(request.image().bytes());
            } else {
                // Several input images go as image[] parts, the image to edit first.
                List<java.io.InputStream> inputs = new ArrayList<>();
                inputs.add(new java.io.ByteArrayInputStream(request.image().bytes()));
                request.references().forEach(reference -> inputs.add(new java.io.ByteArrayInputStream(reference.bytes())));
                params.imageOfInputStreams(inputs);
            }
            if (request.mask() != null) {
                params.mask(request.mask().bytes());
            }
            if (request.size() != null) {
                params.size(request.size());
            }
            ImagesResponse response = guarded(() -> client.images().edit(params.build()));
            List<Media> out = new ArrayList<>();
            List<com.openai.models.images.Image> data = response.data().orElse(List.of());
            for (int i = 0; i < data.size(); i++) {
                out.add(decodeImage(data.get(i).b64Json().orElse(null), i));
            }
            return new ImageResult(out, Usage.NONE, engine(Capability.IMAGE_EDIT));
        }
        OpenAiImageModel model = require(images, Capability.IMAGE_GENERATION);
        OpenAiImageOptions.Builder options = OpenAiImageOptions.builder().model(settings.imageModel())
                .timeout(settings.timeout()).maxRetries(settings.maxRetries())
                .responseFormat("b64_json").n(request.count());
        if (request.size() != null) {
            options.size(request.size());
        }
        ImageResponse response = guarded(() -> model.call(new ImagePrompt(request.prompt(), options.build())));
        List<Media> out = new ArrayList<>();
        for (int i = 0; i < response.getResults().size(); i++) {
            out.add(decodeImage(response.getResults().get(i).getOutput().getB64Json(), i));
        }
        return new ImageResult(out, Usage.NONE, engine(Capability.IMAGE_GENERATION));
    }

    /** Text recognition through the vision model: text and lines, without boxes. */
    OcrResult ocr(Media image) {
        ChatResult answer = chat(new ChatRequest(List.of(ChatMessage.user(OCR_PROMPT, image)), 0.0, null));
        List<OcrResult.Line> lines = new ArrayList<>();
        List<OcrResult.Word> words = new ArrayList<>();
        for (String line : answer.text().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            for (String word : line.trim().split("\\s+")) {
                words.add(new OcrResult.Word(word, -1, null, lines.size()));
            }
            lines.add(new OcrResult.Line(line.trim(), -1, null));
        }
        return new OcrResult(answer.text().strip(), lines, words, engine(Capability.OCR));
    }

    /** Lists the provider's models: proves the URL and key work. */
    int healthCheck() {
        return guarded(() -> client.models().list().data().size());
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return breaker.executeSupplier(call);
        } catch (RuntimeException e) {
            throw ProviderErrors.translate(name, e);
        }
    }

    private Prompt prompt(ChatRequest request, Capability capability, OpenAiChatModel.ResponseFormat format) {
        List<Message> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            messages.add(switch (message.role()) {
                case SYSTEM -> new SystemMessage(message.text());
                case ASSISTANT -> new AssistantMessage(message.text());
                case USER -> UserMessage.builder().text(message.text())
                        .media(message.images().stream().map(RemoteProvider::media).toList()).build();
            });
        }
        // Per-request options replace the client's, so the limits go here too.
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder().model(modelFor(capability)).streamUsage(true)
                .timeout(settings.timeout()).maxRetries(settings.maxRetries());
        if (request.temperature() != null) {
            options.temperature(request.temperature());
        }
        if (request.maxTokens() != null) {
            options.maxTokens(request.maxTokens());
        }
        if (format != null) {
            options.responseFormat(format);
        }
        return new Prompt(messages, options.build());
    }

    private static org.springframework.ai.content.Media media(Media image) {
        return new org.springframework.ai.content.Media(MimeTypeUtils.parseMimeType(image.mediaType()),
                new ByteArrayResource(image.bytes()));
    }

    private static ByteArrayResource named(Media media) {
        return new ByteArrayResource(media.bytes()) {
            @Override
            public String getFilename() {
                return media.name();
            }
        };
    }

    private static String text(ChatResponse response) {
        if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
            return "";
        }
        String text = response.getResult().getOutput().getText();
        return text == null ? "" : text;
    }

    private static Usage usage(ChatResponse response) {
        if (response == null || response.getMetadata() == null || response.getMetadata().getUsage() == null) {
            return Usage.NONE;
        }
        org.springframework.ai.chat.metadata.Usage usage = response.getMetadata().getUsage();
        return new Usage(usage.getPromptTokens() == null ? 0 : usage.getPromptTokens(),
                usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens());
    }

    private static String stripFences(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("```")) {
            trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return trimmed;
    }

    private Media decodeImage(String base64, int index) {
        if (base64 == null || base64.isBlank()) {
            throw new ProviderException("provider '" + name + "' returned an image without base64 data");
        }
        return Media.of("image-" + (index + 1) + ".png", "image/png", Base64.getDecoder().decode(base64));
    }

    private <M> M require(M model, Capability capability) {
        if (model == null) {
            throw new CapabilityUnavailableException("provider '" + name + "' has no model for "
                    + CapabilityNames.of(capability) + "; set atrium.models.providers." + name + "."
                    + configKey(capability));
        }
        return model;
    }

    private static String configKey(Capability capability) {
        return switch (capability) {
            case CHAT, STRUCTURED_OUTPUT -> "chat-model";
            case VISION, OCR -> "vision-model";
            case TRANSCRIPTION -> "transcription-model";
            case EMBEDDINGS -> "embedding-model";
            case IMAGE_GENERATION, IMAGE_EDIT -> "image-model";
        };
    }
}
