package dev.atrium.engine.text;

import dev.atrium.sdk.text.PassageIndex.Hit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Turns scores into the best {@code k} hits, best first, earlier passages first on ties. */
final class Ranking {

    private Ranking() {
    }

    static List<Hit> top(List<String> passages, double[] scores, int k) {
        if (k <= 0) {
            return List.of();
        }
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> i))
                .limit(k)
                .map(i -> new Hit(i, passages.get(i), Math.round(scores[i] * 10000) / 10000.0))
                .toList();
    }
}
