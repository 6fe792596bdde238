package dev.atrium.engine.text;

import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Extractive summarising over a sentence-similarity matrix: TextRank (PageRank on the weighted graph)
 * measures how central each sentence is, then maximal marginal relevance picks central sentences that do
 * not repeat one another. The chosen sentences are returned in text order.
 */
final class SentenceGraph {

    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 60;
    /** Weight of centrality against novelty when picking the next sentence. */
    private static final double LAMBDA = 0.7;
    /** A sentence this similar to one already chosen says the same thing; it is taken only as a last resort. */
    private static final double DUPLICATE = 0.8;

    private SentenceGraph() {
    }

    /**
     * @param sentences the text's sentences
     * @param similarity symmetric sentence similarities (cosines)
     * @param contentTerms how many content terms each sentence has, to damp one-word fillers
     */
    static Summary summarize(List<String> sentences, double[][] similarity, int[] contentTerms, int max,
                             Engine engine) {
        int n = sentences.size();
        if (n == 0 || max <= 0) {
            return new Summary(List.of(), engine);
        }
        double[] centrality = centrality(similarity);
        for (int i = 0; i < n; i++) {
            // "Okay." or "Thanks, everyone." can sit close to everything in embedding space; short
            // sentences carry little, so their centrality is damped.
            centrality[i] *= Math.sqrt(Math.min(1.0, contentTerms[i] / 5.0));
        }
        double top = 0;
        for (double c : centrality) {
            top = Math.max(top, c);
        }
        double[] relevance = new double[n];
        for (int i = 0; i < n; i++) {
            relevance[i] = top == 0 ? 0 : centrality[i] / top;
        }
        List<Integer> chosen = new ArrayList<>();
        boolean[] taken = new boolean[n];
        while (chosen.size() < Math.min(max, n)) {
            int best = -1;
            double bestScore = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if (taken[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int j : chosen) {
                    redundancy = Math.max(redundancy, similarity[i][j]);
                }
                double score = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy - (redundancy >= DUPLICATE ? 1 : 0);
                if (score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            taken[best] = true;
            chosen.add(best);
        }
        chosen.sort(Comparator.naturalOrder());
        List<Summary.Sentence> out = new ArrayList<>(chosen.size());
        for (int i : chosen) {
            out.add(new Summary.Sentence(i, sentences.get(i), Math.round(relevance[i] * 1000) / 1000.0));
        }
        return new Summary(List.copyOf(out), engine);
    }

    /**
     * PageRank over the similarity graph. Similarities are shifted by their mean first: embedding cosines
     * of unrelated sentences are well above zero, and without the shift every sentence looks central.
     */
    static double[] centrality(double[][] similarity) {
        int n = similarity.length;
        double mean = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    mean += similarity[i][j];
                    pairs++;
                }
            }
        }
        mean = pairs == 0 ? 0 : mean / pairs;
        double[][] w = new double[n][n];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    w[i][j] = Math.max(0, similarity[i][j] - mean * 0.5);
                    out[i] += w[i][j];
                }
            }
        }
        double[] rank = new double[n];
        java.util.Arrays.fill(rank, 1.0 / n);
        for (int iter = 0; iter < ITERATIONS; iter++) {
            double[] next = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (out[j] > 0 && w[j][i] > 0) {
                        sum += w[j][i] / out[j] * rank[j];
                    }
                }
                // A sentence related to nothing keeps only the teleport share: its rank is not spread
                // evenly over the others (that would make an off-topic aside look as central as the topic).
                next[i] = (1 - DAMPING) / n + DAMPING * sum;
                total += next[i];
            }
            for (int i = 0; i < n; i++) {
                next[i] /= total;
            }
            rank = next;
        }
        // PageRank alone ranks every connected component alike (two asides that resemble each other look as
        // central as the topic); weighting by how strongly a sentence ties to the rest fixes that.
        double strongest = 0;
        for (double degree : out) {
            strongest = Math.max(strongest, degree);
        }
        for (int i = 0; i < n; i++) {
            rank[i] *= strongest == 0 ? 1 : out[i] / strongest;
        }
        return rank;
    }
}
