package dev.atrium.sdk.model;

import dev.atrium.sdk.Media;
import java.util.List;
import java.util.Objects;

/**
 * One message of a chat.
 *
 * @param role who speaks
 * @param text the text
 * @param images images attached to a user message (vision)
 * @since 0.1
 */
public record ChatMessage(Role role, String text, List<Media> images) {

    /** Who speaks. */
    public enum Role {
        /** Instructions for the model. */
        SYSTEM,
        /** The user. */
        USER,
        /** The model, in earlier turns. */
        ASSISTANT
    }

    /** Validates the message. */
    public ChatMessage {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** A system message. */
    public static ChatMessage system(String text) {
        return new ChatMessage(Role.SYSTEM, text, List.of());
    }

    /** A user message, optionally with images. */
    public static ChatMessage user(String text, Media... images) {
        return new ChatMessage(Role.USER, text, List.of(images));
    }

    /** An earlier assistant message. */
    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text, List.of());
    }
}
