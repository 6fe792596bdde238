package dev.atrium.engine.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atrium.sdk.model.Embeddings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingsTest {

    static final MiniLmEmbeddings MODEL = new MiniLmEmbeddings();

    @Test
    void placesSentencesOfTheSameMeaningCloserThanUnrelatedOnes() {
        Embeddings e = MODEL.embed(List.of("The cat sits on the mat", "A kitten is on the rug",
                "Stock markets fell sharply"));

        double related = Embeddings.cosine(e.vectors().get(0), e.vectors().get(1));
        double unrelated = Embeddings.cosine(e.vectors().get(0), e.vectors().get(2));

        assertThat(related).isGreaterThan(unrelated + 0.2);
        assertThat(e.engine()).isEqualTo(MiniLmEmbeddings.ENGINE);
    }

    @Test
    void returnsOneUnitLengthVectorOf384PerTextInInputOrder() {
        List<String> texts = List.of("first", "second sentence here", "a third, longer sentence about budgets");

        Embeddings e = MODEL.embed(texts);

        assertThat(e.vectors()).hasSize(3);
        for (float[] v : e.vectors()) {
            assertThat(v).hasSize(MiniLmEmbeddings.DIMENSIONS);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
        }
        // A batch gives the same vectors as one text at a time.
        assertThat(Embeddings.cosine(e.vectors().get(2), MODEL.embed(texts.get(2)))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void givesBlankTextsAZeroVectorInsteadOfFailing() {
        Embeddings e = MODEL.embed(List.of("hello", " ", ""));

        assertThat(e.vectors().get(1)).containsOnly(0f);
        assertThat(e.vectors().get(2)).containsOnly(0f);
        assertThat(MODEL.embed(List.of()).vectors()).isEmpty();
    }

    @Test
    void loadsTheModelOnceWhenManyThreadsAskAtOnce() throws Exception {
        MiniLmEmbeddings fresh = new MiniLmEmbeddings();
        assertThat(fresh.isLoaded()).isFalse();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<float[]>> calls = new ArrayList<>(Collections.nCopies(4, () -> fresh.embed("same text")));
            List<float[]> vectors = new ArrayList<>();
            for (Future<float[]> f : pool.invokeAll(calls)) {
                vectors.add(f.get());
            }
            assertThat(fresh.isLoaded()).isTrue();
            assertThat(vectors).allSatisfy(v -> assertThat(v).containsExactly(vectors.get(0)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void embedsTextsLongerThanTheModelWindow() {
        String longText = "The quarterly budget review covered marketing spend and hiring. ".repeat(120);

        float[] v = MODEL.embed(longText);

        assertThat(Embeddings.cosine(v, MODEL.embed("budget review of marketing spend"))).isGreaterThan(0.5);
    }
}
