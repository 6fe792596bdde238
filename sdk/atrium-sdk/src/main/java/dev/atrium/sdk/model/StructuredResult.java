package dev.atrium.sdk.model;

/**
 * A chat answer parsed into a Java type.
 *
 * @param value the parsed value
 * @param json the JSON the model produced
 * @param usage tokens used, repairs included
 * @param engine who answered
 * @param <T> the target type
 * @since 0.1
 */
public record StructuredResult<T>(T value, String json, Usage usage, Engine engine) {
}
