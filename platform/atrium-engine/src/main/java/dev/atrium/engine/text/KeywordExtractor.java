package dev.atrium.engine.text;

import dev.atrium.sdk.text.TextKit.Keyword;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a text's characteristic terms without a background corpus. Words: candidate phrases are runs of up
 * to three content words between stopwords and punctuation (as in RAKE); a single word scores by how often
 * its stem occurs, a phrase (kept only when repeated) by its count times its words' mean frequency, longer
 * phrases a little higher. Chinese and Japanese: repeated character n-grams (2 to 4) not edged by function
 * characters, where a longer n-gram absorbs the fragments that only occur inside it.
 */
final class KeywordExtractor {

    private static final int MAX_PHRASE_WORDS = 3;
    private static final int MAX_CJK_GRAM = 4;

    List<Keyword> extract(String text, List<String> sentences, int max) {
        if (max <= 0 || text == null || text.isBlank()) {
            return List.of();
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        words(sentences, scores);
        cjk(sentences, scores);
        double top = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(max)
                .map(e -> new Keyword(e.getKey(), Math.round(e.getValue() / top * 1000) / 1000.0))
                .toList();
    }

    // ---- spaced scripts -------------------------------------------------------------------------------

    private static void words(List<String> sentences, Map<String, Double> scores) {
        Map<String, Integer> stemCount = new HashMap<>();
        Map<String, Map<String, Integer>> surfaces = new HashMap<>();
        List<List<String>> runs = new ArrayList<>();
        for (String sentence : sentences) {
            List<String> run = new ArrayList<>();
            int lastEnd = -1;
            for (Terms.Token t : Terms.tokens(sentence)) {
                String lower = t.text().toLowerCase(Locale.ROOT);
                // Punctuation between two words breaks a phrase as a stopword does.
                boolean adjacent = lastEnd >= 0 && sentence.substring(lastEnd, t.start()).isBlank();
                lastEnd = t.start() + t.text().length();
                if (t.cjk() || !Terms.isContentWord(lower) || !adjacent) {
                    flush(run, runs);
                }
                if (!t.cjk() && Terms.isContentWord(lower)) {
                    String stem = Terms.stem(lower);
                    stemCount.merge(stem, 1, Integer::sum);
                    surfaces.computeIfAbsent(stem, k -> new HashMap<>()).merge(display(t.text()), 1, Integer::sum);
                    run.add(stem);
                }
            }
            flush(run, runs);
        }
        if (stemCount.isEmpty()) {
            return;
        }
        Map<List<String>, Integer> phrases = new HashMap<>();
        for (List<String> run : runs) {
            for (int n = 2; n <= MAX_PHRASE_WORDS; n++) {
                for (int i = 0; i + n <= run.size(); i++) {
                    phrases.merge(List.copyOf(run.subList(i, i + n)), 1, Integer::sum);
                }
            }
        }
        stemCount.forEach((stem, count) -> scores.merge(surface(stem, surfaces), (double) count, Math::max));
        phrases.forEach((phrase, count) -> {
            if (count < 2) {
                return;
            }
            double mean = phrase.stream().mapToInt(stemCount::get).average().orElse(0);
            double score = count * mean * Math.sqrt(phrase.size()) / 2;
            String shown = String.join(" ", phrase.stream().map(s -> surface(s, surfaces)).toList());
            scores.merge(shown, score, Math::max);
        });
    }

    private static void flush(List<String> run, List<List<String>> runs) {
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
            run.clear();
        }
    }

    /** Proper nouns and acronyms keep their case; other words are shown in lower case. */
    private static String display(String word) {
        boolean allCaps = word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
        return allCaps ? word : word.toLowerCase(Locale.ROOT);
    }

    /** The form a stem occurred in most often. */
    private static String surface(String stem, Map<String, Map<String, Integer>> surfaces) {
        return surfaces.get(stem).entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.comparingInt(String::length).reversed())))
                .map(Map.Entry::getKey).orElse(stem);
    }

    // ---- unspaced scripts -----------------------------------------------------------------------------

    private static void cjk(List<String> sentences, Map<String, Double> scores) {
        Map<String, Integer> counts = new HashMap<>();
        for (String sentence : sentences) {
            for (Terms.Token t : Terms.tokens(sentence)) {
                if (!t.cjk()) {
                    continue;
                }
                // Particles such as 的 sit between words, never inside one: n-grams do not cross them.
                for (String part : t.text().split("[" + Stopwords.CHINESE_PARTICLES + "]")) {
                    int[] cps = part.codePoints().toArray();
                    for (int n = 2; n <= MAX_CJK_GRAM; n++) {
                        for (int i = 0; i + n <= cps.length; i++) {
                            if (isWeakEdge(cps[i]) || isWeakEdge(cps[i + n - 1])) {
                                continue;
                            }
                            String gram = new String(cps, i, n);
                            if (!Stopwords.CHINESE.contains(gram)) {
                                counts.merge(gram, 1, Integer::sum);
                            }
                        }
                    }
                }
            }
        }
        List<String> repeated = counts.entrySet().stream().filter(e -> e.getValue() >= 2).map(Map.Entry::getKey)
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        List<String> kept = new ArrayList<>();
        for (String gram : repeated) {
            int count = counts.get(gram);
            // A fragment that (almost) only occurs inside a longer kept n-gram is part of that word.
            boolean absorbed = kept.stream().anyMatch(k -> k.contains(gram) && counts.get(k) * 10 >= count * 7);
            if (!absorbed) {
                kept.add(gram);
            }
        }
        for (String gram : kept) {
            int length = gram.codePointCount(0, gram.length());
            scores.merge(gram, counts.get(gram) * (1 + 0.5 * (length - 2)), Math::max);
        }
    }

    private static boolean isWeakEdge(int cp) {
        return Stopwords.CHINESE_WEAK_EDGES.indexOf(cp) >= 0;
    }
}
