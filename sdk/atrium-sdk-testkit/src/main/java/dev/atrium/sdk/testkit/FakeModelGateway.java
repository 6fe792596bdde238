package dev.atrium.sdk.testkit;

import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.RunCancelledException;
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
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.model.StructuredResult;
import dev.atrium.sdk.model.Transcript;
import dev.atrium.sdk.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A model gateway that answers from a script and records every request, so a test controls what "the model"
 * says and asserts on what the skill sent. Scripted capabilities report available on
 * {@link #ENGINE}; the others report unavailable and throw {@link CapabilityUnavailableException}, like a
 * host without a provider. Usage is a rough word count, so it is never always zero.
 *
 * @since 0.1
 */
public final class FakeModelGateway implements ModelGateway {

    /**
     * The engine scripted capabilities report unless {@link #engine(Capability, Engine)} says otherwise.
     *
     * @since 0.1
     */
    public static final Engine ENGINE = Engine.remote("fake", "fake-model");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<Capability, String> forcedUnavailable = new EnumMap<>(Capability.class);
    private final Map<Capability, Engine> engines = new EnumMap<>(Capability.class);
    private volatile Function<ChatRequest, String> chat;
    private volatile List<String> streamChunks;
    private volatile java.util.function.BiFunction<ChatRequest, Class<?>, Object> structured;
    private volatile Function<Media, Transcript> transcribe;
    private volatile Function<Media, OcrResult> ocr;
    private volatile Function<String, float[]> embed;
    private volatile Function<ImageRequest, List<Media>> image;
    private volatile boolean failWhenExhausted;
    private volatile Duration delay = Duration.ZERO;

    /**
     * Creates a gateway with nothing scripted: every capability is unavailable.
     *
     * @since 0.1
     */
    public FakeModelGateway() {
    }

    /**
     * Which operation a recorded request went to.
     *
     * @since 0.1
     */
    public enum Operation {
        /** {@link ModelGateway#chat(ChatRequest)}. */
        CHAT,
        /** {@link ModelGateway#stream(ChatRequest)}. */
        STREAM,
        /** {@link ModelGateway#structured(ChatRequest, Class)}. */
        STRUCTURED,
        /** {@link ModelGateway#transcribe(Media, String)}. */
        TRANSCRIBE,
        /** {@link ModelGateway#ocr(Media, List)}. */
        OCR,
        /** {@link ModelGateway#embed(List)}. */
        EMBED,
        /** {@link ModelGateway#image(ImageRequest)}. */
        IMAGE
    }

    /**
     * A request the skill sent, in the order sent, whether or not it was answered.
     *
     * @param operation the operation called
     * @param payload a {@link ChatRequest}, {@link TranscriptionRequest}, {@link OcrRequest},
     *     {@link EmbeddingRequest} or {@link ImageRequest}
     * @since 0.1
     */
    public record Request(Operation operation, Object payload) {
    }

    /**
     * What was sent to {@link #transcribe(Media, String)}.
     *
     * @param audio the audio
     * @param language the language asked for, or {@code null} to detect it
     * @since 0.1
     */
    public record TranscriptionRequest(Media audio, String language) {
    }

    /**
     * What was sent to {@link #ocr(Media, List)}.
     *
     * @param image the image
     * @param languages the languages asked for
     * @since 0.1
     */
    public record OcrRequest(Media image, List<String> languages) {
    }

    /**
     * What was sent to {@link #embed(List)}.
     *
     * @param texts the texts
     * @since 0.1
     */
    public record EmbeddingRequest(List<String> texts) {
    }

    // ---- scripting -------------------------------------------------------------------------------------

    /**
     * Answers every chat (and stream, split into words) with this reply; makes CHAT and VISION available.
     *
     * @since 0.1
     */
    public FakeModelGateway onChat(String reply) {
        Objects.requireNonNull(reply, "reply");
        return onChat(request -> reply);
    }

    /**
     * Answers every chat (and stream, split into words) with what the function returns for the request;
     * makes CHAT and VISION available. The function may throw, for example a {@link ProviderException}.
     *
     * @since 0.1
     */
    public FakeModelGateway onChat(Function<ChatRequest, String> reply) {
        this.chat = Objects.requireNonNull(reply, "reply");
        return this;
    }

    /**
     * Streams every chat as exactly these chunks (and answers a non-streamed chat with them joined, unless
     * {@link #onChat} is scripted too); makes CHAT and VISION available.
     *
     * @since 0.1
     */
    public FakeModelGateway onStream(String... chunks) {
        this.streamChunks = List.of(chunks);
        return this;
    }

    /**
     * Answers structured calls with this value, converted to the requested type through JSON when it is not
     * already an instance; makes STRUCTURED_OUTPUT available.
     *
     * @since 0.1
     */
    public FakeModelGateway onStructured(Object value) {
        Objects.requireNonNull(value, "value");
        this.structured = (request, type) -> value;
        return this;
    }

    /**
     * Answers each structured call with what {@code answer} gives for its request (converted as by
     * {@link #onStructured(Object)}): for skills that send several calls at once, whose order is not fixed,
     * the answer can follow what was asked, such as the name of the image sent. Makes STRUCTURED_OUTPUT
     * available.
     *
     * @since 0.1
     */
    public FakeModelGateway onStructured(Function<ChatRequest, Object> answer) {
        Objects.requireNonNull(answer, "answer");
        this.structured = (request, type) -> answer.apply(request);
        return this;
    }

    /**
     * Answers structured calls with this JSON, parsed into the requested type; JSON that does not fit the
     * type makes the call throw {@link ProviderException}, like an unusable provider answer. Makes
     * STRUCTURED_OUTPUT available.
     *
     * @since 0.1
     */
    public FakeModelGateway onStructuredJson(String json) {
        Objects.requireNonNull(json, "json");
        this.structured = (request, type) -> new RawJson(json);
        return this;
    }

    /**
     * Answers chat call 1 with the first reply, call 2 with the second, and so on (streams too, split into
     * words); once the replies run out it repeats the last one, or fails if {@link #failWhenExhausted()} was
     * called. Makes CHAT and VISION available.
     *
     * @since 0.1
     */
    public FakeModelGateway onChatSequence(String... replies) {
        Sequence<String> sequence = new Sequence<>("chat", List.of(replies), this);
        return onChat(request -> sequence.next());
    }

    /**
     * Answers structured call 1 with the first value, call 2 with the second, and so on, each converted to the
     * requested type as by {@link #onStructured(Object)}; once the values run out it repeats the last one, or
     * fails if {@link #failWhenExhausted()} was called. Makes STRUCTURED_OUTPUT available.
     *
     * @since 0.1
     */
    public FakeModelGateway onStructuredSequence(Object... values) {
        Sequence<Object> sequence = new Sequence<>("structured", List.of(values), this);
        this.structured = (request, type) -> sequence.next();
        return this;
    }

    /**
     * Like {@link #onStructuredSequence(Object...)} with JSON answers, each parsed as by
     * {@link #onStructuredJson(String)}.
     *
     * @since 0.1
     */
    public FakeModelGateway onStructuredJsonSequence(String... jsons) {
        List<Object> answers = new ArrayList<>();
        for (String json : jsons) {
            answers.add(new RawJson(Objects.requireNonNull(json, "json")));
        }
        Sequence<Object> sequence = new Sequence<>("structured", answers, this);
        this.structured = (request, type) -> sequence.next();
        return this;
    }

    /**
     * Makes a scripted sequence fail once it runs out instead of repeating its last answer: the call throws an
     * {@link AssertionError} naming the call, which a skill's {@code catch (RuntimeException e)} fallback does not
     * swallow. Use it when a test must notice that the skill asked the model more often than expected.
     *
     * @since 0.1
     */
    public FakeModelGateway failWhenExhausted() {
        this.failWhenExhausted = true;
        return this;
    }

    /**
     * Makes every model call wait this long before answering, like a slow provider, for testing a skill's
     * timeout and cancellation. A wait interrupted by the run's cancellation ends the call with a
     * {@link RunCancelledException}.
     *
     * @since 0.1
     */
    public FakeModelGateway delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        this.delay = delay;
        return this;
    }

    /**
     * Answers every transcription with this text; makes TRANSCRIPTION available.
     *
     * @since 0.1
     */
    public FakeModelGateway onTranscribe(String text) {
        Objects.requireNonNull(text, "text");
        return onTranscribe(audio -> new Transcript(text, "", List.of(), engineFor(Capability.TRANSCRIPTION)));
    }

    /**
     * Answers every transcription with what the function returns for the audio; makes TRANSCRIPTION available.
     *
     * @since 0.1
     */
    public FakeModelGateway onTranscribe(Function<Media, Transcript> transcript) {
        this.transcribe = Objects.requireNonNull(transcript, "transcript");
        return this;
    }

    /**
     * Answers every OCR call with this result; makes OCR available.
     *
     * @since 0.1
     */
    public FakeModelGateway onOcr(OcrResult result) {
        Objects.requireNonNull(result, "result");
        return onOcr(image -> result);
    }

    /**
     * Answers every OCR call with this text: one line per text line, whitespace-separated words, made-up
     * boxes and confidence 95; makes OCR available.
     *
     * @since 0.1
     */
    public FakeModelGateway onOcr(String text) {
        Objects.requireNonNull(text, "text");
        return onOcr(image -> ocrResultOf(text));
    }

    /**
     * Answers every OCR call with what the function returns for the image; makes OCR available.
     *
     * @since 0.1
     */
    public FakeModelGateway onOcr(Function<Media, OcrResult> result) {
        this.ocr = Objects.requireNonNull(result, "result");
        return this;
    }

    /**
     * Embeds each text with the function; makes EMBEDDINGS available.
     *
     * @since 0.1
     */
    public FakeModelGateway onEmbed(Function<String, float[]> vector) {
        this.embed = Objects.requireNonNull(vector, "vector");
        return this;
    }

    /**
     * Answers every image generation or edit with these images; makes IMAGE_GENERATION and IMAGE_EDIT
     * available.
     *
     * @since 0.1
     */
    public FakeModelGateway onImage(Media... images) {
        List<Media> answer = List.of(images);
        return onImage(request -> answer);
    }

    /**
     * Answers every image generation or edit with what the function returns for the request; makes
     * IMAGE_GENERATION and IMAGE_EDIT available.
     *
     * @since 0.1
     */
    public FakeModelGateway onImage(Function<ImageRequest, List<Media>> images) {
        this.image = Objects.requireNonNull(images, "images");
        return this;
    }

    /**
     * Reports the capability unavailable with this reason even if scripted, for testing a skill's offline
     * path (for example VISION off while CHAT is on).
     *
     * @since 0.1
     */
    public FakeModelGateway unavailable(Capability capability, String reason) {
        synchronized (forcedUnavailable) {
            forcedUnavailable.put(Objects.requireNonNull(capability, "capability"),
                    Objects.requireNonNull(reason, "reason"));
        }
        return this;
    }

    /**
     * Reports this engine for the capability, such as {@code Engine.embedded("tesseract-5")} for OCR.
     *
     * @since 0.1
     */
    public FakeModelGateway engine(Capability capability, Engine engine) {
        synchronized (engines) {
            engines.put(Objects.requireNonNull(capability, "capability"), Objects.requireNonNull(engine, "engine"));
        }
        return this;
    }

    // ---- what was sent ---------------------------------------------------------------------------------

    /**
     * Every request sent so far, in order, answered or not.
     *
     * @since 0.1
     */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /**
     * The chat requests sent so far to chat, stream or structured calls, in order.
     *
     * @since 0.1
     */
    public List<ChatRequest> chatRequests() {
        return requests.stream().map(Request::payload).filter(ChatRequest.class::isInstance)
                .map(ChatRequest.class::cast).toList();
    }

    /**
     * The last chat request sent to chat, stream or structured calls.
     *
     * @throws IllegalStateException if no chat request was sent
     * @since 0.1
     */
    public ChatRequest lastChatRequest() {
        List<ChatRequest> chats = chatRequests();
        if (chats.isEmpty()) {
            throw new IllegalStateException("no chat request was sent; requests: " + requests);
        }
        return chats.get(chats.size() - 1);
    }

    /**
     * The recorded requests that went to this operation, in order.
     *
     * @since 0.1
     */
    public List<Request> requests(Operation operation) {
        Objects.requireNonNull(operation, "operation");
        return requests.stream().filter(r -> r.operation() == operation).toList();
    }

    /**
     * Every text the skill sent to a model, in order: each message of every chat, stream and structured call
     * (system prompts included), every text to embed and every image prompt. This is what a provider would
     * see, so it is the place to check that nothing private leaves the plugin.
     *
     * @since 0.1
     */
    public List<String> sentTexts() {
        List<String> texts = new ArrayList<>();
        for (Request request : requests) {
            texts.addAll(textsOf(request));
        }
        return texts;
    }

    /**
     * Asserts that no text sent to a model so far contains the fragment (case-insensitively), for example a
     * patient's name that must be de-identified first.
     *
     * @return this gateway, to chain further assertions
     * @throws AssertionError naming the first request that contained it, with the text around it
     * @since 0.1
     */
    public FakeModelGateway assertNeverSent(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        if (fragment.isEmpty()) {
            throw new IllegalArgumentException("fragment must not be empty");
        }
        String needle = fragment.toLowerCase(java.util.Locale.ROOT);
        List<Request> sent = requests();
        for (int i = 0; i < sent.size(); i++) {
            for (String text : textsOf(sent.get(i))) {
                int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(needle);
                if (at >= 0) {
                    throw new AssertionError("request " + (i + 1) + " of " + sent.size() + " ("
                            + sent.get(i).operation() + ") contained '" + fragment + "': ..."
                            + excerpt(text, at, fragment.length()) + "...");
                }
            }
        }
        return this;
    }

    /**
     * Asserts that at least one text sent to a model so far contains the fragment (case-insensitively).
     *
     * @return this gateway, to chain further assertions
     * @throws AssertionError saying how many requests were sent, if none contained it
     * @since 0.1
     */
    public FakeModelGateway assertSent(String fragment) {
        Objects.requireNonNull(fragment, "fragment");
        String needle = fragment.toLowerCase(java.util.Locale.ROOT);
        boolean found = sentTexts().stream().anyMatch(t -> t.toLowerCase(java.util.Locale.ROOT).contains(needle));
        if (!found) {
            throw new AssertionError("no text sent to a model contained '" + fragment + "'; " + requests.size()
                    + " request(s) were sent: " + requests.stream().map(Request::operation).toList());
        }
        return this;
    }

    /**
     * Asserts that the skill called no model at all, as an offline path must not.
     *
     * @return this gateway, to chain further assertions
     * @throws AssertionError listing the operations called
     * @since 0.1
     */
    public FakeModelGateway assertNothingSent() {
        if (!requests.isEmpty()) {
            throw new AssertionError("expected no model call, but " + requests.size() + " were made: "
                    + requests.stream().map(Request::operation).toList());
        }
        return this;
    }

    // ---- ModelGateway ----------------------------------------------------------------------------------

    /**
     * Available on the capability's engine when scripted and not forced off; unavailable otherwise, with a
     * reason naming the method that scripts it.
     *
     * @since 0.1
     */
    @Override
    public CapabilityStatus status(Capability capability) {
        String forced;
        synchronized (forcedUnavailable) {
            forced = forcedUnavailable.get(capability);
        }
        if (forced != null) {
            return CapabilityStatus.unavailable(capability, forced);
        }
        if (scripted(capability)) {
            return CapabilityStatus.available(capability, engineFor(capability));
        }
        return CapabilityStatus.unavailable(capability,
                capability + " is not scripted on the FakeModelGateway; call " + scriptingMethod(capability));
    }

    /**
     * Records the request and answers with the scripted reply.
     *
     * @since 0.1
     */
    @Override
    public ChatResult chat(ChatRequest request) {
        requests.add(new Request(Operation.CHAT, request));
        Capability capability = chatCapability(request);
        require(capability);
        pause();
        String reply = chatReply(request);
        return new ChatResult(reply, usage(request, reply), engineFor(capability));
    }

    /**
     * Records the request and streams the scripted chunks (or the chat reply split into words); the last
     * chunk carries the usage.
     *
     * @since 0.1
     */
    @Override
    public Flux<ChatChunk> stream(ChatRequest request) {
        requests.add(new Request(Operation.STREAM, request));
        Capability capability = chatCapability(request);
        require(capability);
        pause();
        List<String> chunks = streamChunks != null ? streamChunks : TokenEstimate.pieces(chatReply(request));
        Engine engine = engineFor(capability);
        Usage usage = usage(request, String.join("", chunks));
        List<ChatChunk> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            out.add(new ChatChunk(chunks.get(i), i == chunks.size() - 1 ? usage : null, engine));
        }
        if (out.isEmpty()) {
            out.add(new ChatChunk("", usage, engine));
        }
        return Flux.fromIterable(out);
    }

    /**
     * Records the request and answers with the scripted value or JSON, converted to the type.
     *
     * @since 0.1
     */
    @Override
    public <T> StructuredResult<T> structured(ChatRequest request, Class<T> type) {
        requests.add(new Request(Operation.STRUCTURED, request));
        require(Capability.STRUCTURED_OUTPUT);
        pause();
        Object scripted = structured.apply(request, type);
        try {
            String json;
            T value;
            if (scripted instanceof RawJson raw) {
                json = raw.json();
                value = JSON.readValue(json, type);
            } else {
                json = JSON.writeValueAsString(scripted);
                value = type.isInstance(scripted) ? type.cast(scripted) : JSON.convertValue(scripted, type);
            }
            return new StructuredResult<>(value, json, usage(request, json), engineFor(Capability.STRUCTURED_OUTPUT));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new ProviderException("scripted structured answer does not fit " + type.getSimpleName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Records the request and answers with the scripted transcript.
     *
     * @since 0.1
     */
    @Override
    public Transcript transcribe(Media audio, String language) {
        requests.add(new Request(Operation.TRANSCRIBE, new TranscriptionRequest(audio, language)));
        require(Capability.TRANSCRIPTION);
        pause();
        return transcribe.apply(audio);
    }

    /**
     * Records the request and answers with the scripted OCR result.
     *
     * @since 0.1
     */
    @Override
    public OcrResult ocr(Media image, List<String> languages) {
        requests.add(new Request(Operation.OCR, new OcrRequest(image, languages == null ? List.of()
                : List.copyOf(languages))));
        require(Capability.OCR);
        pause();
        return ocr.apply(image);
    }

    /**
     * Records the request and embeds each text with the scripted function.
     *
     * @since 0.1
     */
    @Override
    public Embeddings embed(List<String> texts) {
        List<String> copy = List.copyOf(texts);
        requests.add(new Request(Operation.EMBED, new EmbeddingRequest(copy)));
        require(Capability.EMBEDDINGS);
        pause();
        List<float[]> vectors = copy.stream().map(embed).toList();
        long tokens = copy.stream().mapToLong(TokenEstimate::of).sum();
        return new Embeddings(vectors, new Usage(tokens, 0), engineFor(Capability.EMBEDDINGS));
    }

    /**
     * Records the request and answers with the scripted images.
     *
     * @since 0.1
     */
    @Override
    public ImageResult image(ImageRequest request) {
        requests.add(new Request(Operation.IMAGE, request));
        Capability capability = request.isEdit() ? Capability.IMAGE_EDIT : Capability.IMAGE_GENERATION;
        require(capability);
        pause();
        List<Media> images = List.copyOf(image.apply(request));
        return new ImageResult(images, new Usage(TokenEstimate.of(request.prompt()), 0), engineFor(capability));
    }

    // ---- internals -------------------------------------------------------------------------------------

    /** Scripted JSON, told apart from a scripted value that happens to be a string. */
    private record RawJson(String json) {
    }

    /** Answers of a scripted sequence, handed out one per call from whichever thread calls. */
    private static final class Sequence<T> {
        private final String name;
        private final List<T> answers;
        private final FakeModelGateway gateway;
        private final AtomicInteger calls = new AtomicInteger();

        Sequence(String name, List<T> answers, FakeModelGateway gateway) {
            if (answers.isEmpty()) {
                throw new IllegalArgumentException("a " + name + " sequence needs at least one answer");
            }
            this.name = name;
            this.answers = List.copyOf(answers);
            this.gateway = gateway;
        }

        T next() {
            int call = calls.getAndIncrement();
            if (call < answers.size()) {
                return answers.get(call);
            }
            if (gateway.failWhenExhausted) {
                throw new AssertionError("FakeModelGateway: " + name + " call " + (call + 1) + " but only "
                        + answers.size() + " answer(s) were scripted");
            }
            return answers.get(answers.size() - 1);
        }
    }

    private static List<String> textsOf(Request request) {
        Object payload = request.payload();
        if (payload instanceof ChatRequest chat) {
            return chat.messages().stream().map(ChatMessage::text).filter(Objects::nonNull).toList();
        }
        if (payload instanceof EmbeddingRequest embedding) {
            return embedding.texts();
        }
        if (payload instanceof ImageRequest image && image.prompt() != null) {
            return List.of(image.prompt());
        }
        return List.of();
    }

    private static String excerpt(String text, int at, int length) {
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + length + 30);
        return text.substring(from, to).replace('\n', ' ');
    }

    /** Waits as scripted by {@link #delay(Duration)}; interrupted means the run was cancelled. */
    private void pause() {
        Duration wait = delay;
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        }
    }

    private boolean scripted(Capability capability) {
        return switch (capability) {
            case CHAT, VISION -> chat != null || streamChunks != null;
            case STRUCTURED_OUTPUT -> structured != null;
            case TRANSCRIPTION -> transcribe != null;
            case OCR -> ocr != null;
            case EMBEDDINGS -> embed != null;
            case IMAGE_GENERATION, IMAGE_EDIT -> image != null;
        };
    }

    private static String scriptingMethod(Capability capability) {
        return switch (capability) {
            case CHAT, VISION -> "onChat(..) or onStream(..)";
            case STRUCTURED_OUTPUT -> "onStructured(..) or onStructuredJson(..)";
            case TRANSCRIPTION -> "onTranscribe(..)";
            case OCR -> "onOcr(..)";
            case EMBEDDINGS -> "onEmbed(..)";
            case IMAGE_GENERATION, IMAGE_EDIT -> "onImage(..)";
        };
    }

    private void require(Capability capability) {
        CapabilityStatus status = status(capability);
        if (!status.available()) {
            throw new CapabilityUnavailableException(status.reason());
        }
    }

    private Engine engineFor(Capability capability) {
        synchronized (engines) {
            return engines.getOrDefault(capability, ENGINE);
        }
    }

    private static Capability chatCapability(ChatRequest request) {
        return request.hasImages() ? Capability.VISION : Capability.CHAT;
    }

    private String chatReply(ChatRequest request) {
        Function<ChatRequest, String> reply = chat;
        if (reply != null) {
            return Objects.requireNonNull(reply.apply(request), "scripted chat reply");
        }
        return String.join("", streamChunks);
    }

    private static Usage usage(ChatRequest request, String answer) {
        long input = 0;
        for (ChatMessage message : request.messages()) {
            input += TokenEstimate.of(message.text());
        }
        return new Usage(input, TokenEstimate.of(answer));
    }

    private OcrResult ocrResultOf(String text) {
        List<OcrResult.Line> lines = new ArrayList<>();
        List<OcrResult.Word> words = new ArrayList<>();
        String[] rows = text.split("\\R", -1);
        for (int row = 0; row < rows.length; row++) {
            String line = rows[row].strip();
            if (line.isEmpty()) {
                continue;
            }
            int lineIndex = lines.size();
            int y = 20 * lineIndex;
            lines.add(new OcrResult.Line(line, 95, new OcrResult.Box(0, y, 10 * line.length(), 16)));
            int x = 0;
            for (String word : line.split("\\s+")) {
                words.add(new OcrResult.Word(word, 95, new OcrResult.Box(x, y, 10 * word.length(), 16), lineIndex));
                x += 10 * (word.length() + 1);
            }
        }
        String joined = String.join("\n", lines.stream().map(OcrResult.Line::text).toList());
        return new OcrResult(joined, lines, words, engineFor(Capability.OCR));
    }
}
