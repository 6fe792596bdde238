package dev.atrium.sdk.model;

/**
 * A piece of a streamed chat answer. The last chunk carries the usage when the provider reports it.
 *
 * @param text the text to append (may be empty)
 * @param usage tokens used, or {@code null} until known
 * @param engine who answers
 * @since 0.1
 */
public record ChatChunk(String text, Usage usage, Engine engine) {
}
