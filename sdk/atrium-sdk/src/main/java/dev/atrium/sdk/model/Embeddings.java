package dev.atrium.sdk.model;

import java.util.List;

/**
 * Sentence embeddings, one vector per input text, in input order.
 *
 * @param vectors the vectors
 * @param usage tokens used
 * @param engine who embedded
 * @since 0.1
 */
public record Embeddings(List<float[]> vectors, Usage usage, Engine engine) {

    /** Cosine similarity of two vectors of the same length. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors differ in length");
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
