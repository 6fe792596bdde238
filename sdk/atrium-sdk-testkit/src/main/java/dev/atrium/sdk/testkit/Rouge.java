package dev.atrium.sdk.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin, 2004) of a candidate against one reference: lower-cased, tokens are runs
 * of letters or digits (each Chinese character its own token), no stemming, no stop words — a little below the
 * Perl script with its Porter stemmer. For plugins' evaluation commands that score generated text against
 * reference texts.
 *
 * @since 0.1
 */
public final class Rouge {

    /**
     * F1 scores in 0..1.
     *
     * @param rouge1 unigram overlap
     * @param rouge2 bigram overlap
     * @param rougeL longest common subsequence
     * @since 0.1
     */
    public record Scores(double rouge1, double rouge2, double rougeL) {
    }

    private Rouge() {
    }

    /**
     * Scores a candidate against one reference.
     *
     * @since 0.1
     */
    public static Scores score(String candidate, String reference) {
        List<String> c = tokens(candidate);
        List<String> r = tokens(reference);
        return new Scores(ngramF1(c, r, 1), ngramF1(c, r, 2), f1(lcs(c, r), c.size(), r.size()));
    }

    /**
     * The tokens ROUGE counts: lower-cased runs of letters or digits, each Chinese character on its own.
     *
     * @since 0.1
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        String spaced = text.toLowerCase(Locale.ROOT).replaceAll("(\\p{IsHan})", " $1 ");
        for (String token : spaced.split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }

    /** Clipped n-gram overlap F1: an n-gram counts at most as often as it occurs in the reference. */
    static double ngramF1(List<String> candidate, List<String> reference, int n) {
        Map<String, Integer> ref = ngrams(reference, n);
        Map<String, Integer> cand = ngrams(candidate, n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : cand.entrySet()) {
            overlap += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    /** Length of the longest common subsequence of tokens. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] = x.equals(b.get(j - 1)) ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    private static Map<String, Integer> ngrams(List<String> tokens, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(String.join(" ", tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    private static double f1(int overlap, int candidateCount, int referenceCount) {
        if (overlap == 0 || candidateCount == 0 || referenceCount == 0) {
            return 0;
        }
        double precision = (double) overlap / candidateCount;
        double recall = (double) overlap / referenceCount;
        return 2 * precision * recall / (precision + recall);
    }
}
