package dev.atrium.sdk.model;

import dev.atrium.sdk.Media;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * A fluent chat call that ends in {@link #call()}, {@link #call(Class)} or {@link #stream()}:
 * {@code models.chat().system("Be brief").user("Hello").call().text()}.
 *
 * @since 0.1
 */
public final class ChatCall {

    private final ModelGateway gateway;
    private final List<ChatMessage> messages = new ArrayList<>();
    private Double temperature;
    private Integer maxTokens;

    ChatCall(ModelGateway gateway) {
        this.gateway = gateway;
    }

    /** Adds a system message. */
    public ChatCall system(String text) {
        messages.add(ChatMessage.system(text));
        return this;
    }

    /** Adds a user message with optional images. */
    public ChatCall user(String text, Media... images) {
        messages.add(ChatMessage.user(text, images));
        return this;
    }

    /** Adds any message, for multi-turn conversations. */
    public ChatCall message(ChatMessage message) {
        messages.add(message);
        return this;
    }

    /** Sets the sampling temperature. */
    public ChatCall temperature(double value) {
        this.temperature = value;
        return this;
    }

    /** Limits the answer's length in tokens. */
    public ChatCall maxTokens(int value) {
        this.maxTokens = value;
        return this;
    }

    /** The request built so far. */
    public ChatRequest request() {
        return new ChatRequest(messages, temperature, maxTokens);
    }

    /** Sends the chat and waits for the answer. */
    public ChatResult call() {
        return gateway.chat(request());
    }

    /** Sends the chat and parses the answer into the type. */
    public <T> StructuredResult<T> call(Class<T> type) {
        return gateway.structured(request(), type);
    }

    /** Sends the chat and streams the answer. */
    public Flux<ChatChunk> stream() {
        return gateway.stream(request());
    }
}
