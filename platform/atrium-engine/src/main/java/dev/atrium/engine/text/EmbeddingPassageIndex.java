package dev.atrium.engine.text;

import dev.atrium.sdk.model.Embeddings;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.PassageIndex;
import java.util.List;
import java.util.function.Function;

/** Passages embedded once; a search embeds the query and ranks passages by cosine similarity. */
final class EmbeddingPassageIndex implements PassageIndex {

    private final List<String> passages;
    private final List<float[]> vectors;
    private final Function<List<String>, Embeddings> embed;
    private final Engine engine;

    EmbeddingPassageIndex(List<String> passages, Embeddings embedded, Function<List<String>, Embeddings> embed) {
        this.passages = List.copyOf(passages);
        this.vectors = embedded.vectors();
        this.embed = embed;
        this.engine = embedded.engine();
    }

    @Override
    public List<Hit> search(String query, int k) {
        if (query == null || query.isBlank() || k <= 0) {
            return List.of();
        }
        float[] q = embed.apply(List.of(query)).vectors().get(0);
        double[] scores = new double[passages.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Embeddings.cosine(q, vectors.get(i));
        }
        return Ranking.top(passages, scores, k);
    }

    @Override
    public int size() {
        return passages.size();
    }

    @Override
    public Engine engine() {
        return engine;
    }
}
