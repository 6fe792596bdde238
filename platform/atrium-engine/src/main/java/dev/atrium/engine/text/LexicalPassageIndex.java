package dev.atrium.engine.text;

import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.PassageIndex;
import java.util.List;
import java.util.Map;

/**
 * Passages searched by TF-IDF cosine: words and CJK character bigrams, weighted across the passages. Passages
 * sharing no term with the query are not returned.
 */
final class LexicalPassageIndex implements PassageIndex {

    private final List<String> passages;
    private final TermVectors vectors;
    private final List<Map<String, Double>> docs;

    LexicalPassageIndex(List<String> passages) {
        this.passages = List.copyOf(passages);
        List<List<String>> terms = this.passages.stream().map(Terms::of).toList();
        this.vectors = new TermVectors(terms);
        this.docs = terms.stream().map(vectors::vector).toList();
    }

    @Override
    public List<Hit> search(String query, int k) {
        Map<String, Double> q = vectors.vector(Terms.of(query == null ? "" : query));
        double[] scores = new double[passages.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = TermVectors.cosine(q, docs.get(i));
        }
        // No shared term means no evidence at all; such passages are not "hits".
        return Ranking.top(passages, scores, k).stream().filter(h -> h.score() > 0).toList();
    }

    @Override
    public int size() {
        return passages.size();
    }

    @Override
    public Engine engine() {
        return EmbeddedTextKit.LEXICAL;
    }

    /** The similarity matrix of the passages, for the summariser. */
    double[][] similarities() {
        int n = docs.size();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            sim[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = sim[j][i] = TermVectors.cosine(docs.get(i), docs.get(j));
            }
        }
        return sim;
    }

}
