package dev.atrium.sdk.model;

import java.util.List;

/**
 * A chat request.
 *
 * @param messages the conversation, system message first
 * @param temperature sampling temperature, or {@code null} for the provider default
 * @param maxTokens output limit, or {@code null}
 * @since 0.1
 */
public record ChatRequest(List<ChatMessage> messages, Double temperature, Integer maxTokens) {

    /** Validates the request. */
    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat needs at least one message");
        }
    }

    /** Whether any message carries an image. */
    public boolean hasImages() {
        return messages.stream().anyMatch(m -> !m.images().isEmpty());
    }
}
