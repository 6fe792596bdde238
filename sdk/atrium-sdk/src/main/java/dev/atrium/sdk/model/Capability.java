package dev.atrium.sdk.model;

/**
 * A kind of model work a skill may ask the gateway for.
 *
 * @since 0.1
 */
public enum Capability {
    /** Text chat, including streaming. */
    CHAT,
    /** Chat with images in the user message. */
    VISION,
    /** Chat whose answer is parsed into a Java type through a JSON Schema. */
    STRUCTURED_OUTPUT,
    /** Speech to text. */
    TRANSCRIPTION,
    /** Text, lines and words with boxes out of an image. */
    OCR,
    /** Sentence embeddings. */
    EMBEDDINGS,
    /** Image generation from a prompt. */
    IMAGE_GENERATION,
    /** Image editing from an image, an optional mask and a prompt. */
    IMAGE_EDIT
}
