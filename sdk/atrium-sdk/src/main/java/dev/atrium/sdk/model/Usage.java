package dev.atrium.sdk.model;

/**
 * Tokens a call consumed, as reported by the provider (zero for the embedded engine).
 *
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @since 0.1
 */
public record Usage(long inputTokens, long outputTokens) {

    /** No tokens. */
    public static final Usage NONE = new Usage(0, 0);

    /** Total tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }

    /** The sum of two usages. */
    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
