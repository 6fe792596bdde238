package dev.atrium.sdk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmbeddingsTest {

    @Test
    void vectorIsFullySimilarToItselfAndToItsMultiples() {
        float[] v = {1, 2, 3};

        assertThat(Embeddings.cosine(v, v)).isCloseTo(1.0, within(1e-9));
        assertThat(Embeddings.cosine(v, new float[] {2, 4, 6})).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void orthogonalVectorsHaveZeroAndOppositeVectorsMinusOneSimilarity() {
        assertThat(Embeddings.cosine(new float[] {1, 0}, new float[] {0, 1})).isCloseTo(0.0, within(1e-9));
        assertThat(Embeddings.cosine(new float[] {1, 1}, new float[] {-1, -1})).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void similarityMatchesTheTextbookFormula() {
        // (1*4 + 2*5 + 3*6) / (sqrt(14) * sqrt(77))
        double expected = 32 / Math.sqrt(14 * 77.0);

        assertThat(Embeddings.cosine(new float[] {1, 2, 3}, new float[] {4, 5, 6})).isCloseTo(expected, within(1e-9));
    }

    @Test
    void zeroVectorHasZeroSimilarityInsteadOfNaN() {
        assertThat(Embeddings.cosine(new float[] {0, 0}, new float[] {1, 2})).isZero();
    }

    @Test
    void vectorsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> Embeddings.cosine(new float[] {1}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageAddsUp() {
        Usage total = new Usage(10, 5).plus(new Usage(1, 2));

        assertThat(total).isEqualTo(new Usage(11, 7));
        assertThat(total.totalTokens()).isEqualTo(18);
        assertThat(Usage.NONE.totalTokens()).isZero();
    }

    @Test
    void statusIsRemoteOnlyWhenAvailableOnARemoteEngine() {
        assertThat(CapabilityStatus.available(Capability.CHAT, Engine.remote("openai", "gpt")).remote()).isTrue();
        assertThat(CapabilityStatus.available(Capability.OCR, Engine.embedded("tesseract-5")).remote()).isFalse();
        assertThat(CapabilityStatus.unavailable(Capability.CHAT, "no provider").remote()).isFalse();
    }
}
