package dev.atrium.sdk.model;

/**
 * A chat answer.
 *
 * @param text the answer
 * @param usage tokens used
 * @param engine who answered
 * @since 0.1
 */
public record ChatResult(String text, Usage usage, Engine engine) {
}
