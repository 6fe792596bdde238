package dev.atrium.plugins.office;

import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.text.Summary;
import dev.atrium.sdk.text.TextKit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The offline summary of a meeting and of each of its parts. Spoken words are cleaned first (fillers such as
 * "um" and "you know", stutters, leading "so"/"yeah"), back-channel turns and short fragments are left out,
 * each part of the meeting is summarised by the text kit over its remaining sentences, and the meeting
 * summary takes the best sentences of every part in turn — so it covers the whole meeting, not only its
 * busiest stretch — up to a length that grows with the meeting, after a line naming what it was about.
 */
final class MeetingSummary {

    /** Fewer words than this make a fragment or a back-channel ("Yeah, I think so."), not a summary sentence. */
    static final int MIN_WORDS = 8;
    /** At most this many sentences of a meeting are embedded: the text kit's cost grows with them. */
    static final int MAX_CANDIDATES = 220;

    private static final Pattern FILLERS = Pattern.compile(
            "(?i)(?<![\\p{L}'’])(?:um+|uh+m*|uhh+|erm|er|ah+|hmm+|mm+|mhm)(?![\\p{L}'’])\\s*[,.]?\\s*"
            + "|(?i)(?<![\\p{L}'’])(?:you know|i mean)\\s*,\\s*");
    private static final Pattern CHINESE_FILLERS = Pattern.compile("(?:嗯+|呃+|那个那个)[，,、]?");
    private static final Pattern STUTTER = Pattern.compile("(?i)(?<![\\p{L}'’])([\\p{L}'’]+)(?:\\s+\\1)+(?![\\p{L}'’])");
    private static final Pattern LEADING = Pattern.compile(
            "(?i)^(?:(?:so|and|but|well|yeah|yes|okay|ok|right|oh|now|anyway|alright)(?![\\p{L}'’])\\s*[,.]?\\s*)+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.;:!?])");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** Clitics a tokenised transcript writes apart: {@code we 're}, {@code do n't}. */
    private static final Pattern DETACHED_CLITIC = Pattern.compile("(?i)(?<=\\p{L})\\s+(n't|'(?:re|s|ll|ve|d|m))(?!\\p{L})");
    /** Words of talk, not of subject matter: a keyword holding one does not say what the meeting was about. */
    private static final Set<String> SPOKEN = Set.of("stuff", "thing", "things", "whatever", "gonna", "wanna", "kinda",
            "yeah", "okay", "ok", "guess", "lot", "sort", "kind", "like", "really", "actually", "basically", "talking",
            "re", "ll", "ve", "don", "didn", "doesn", "isn", "um", "uh", "mm", "hmm", "right", "well", "just", "people");

    /** A part's summary sentence: where it was said (candidate order) and how central it is in its part. */
    record Pick(int position, String text, double score, int rank) {
    }

    /** The meeting summary and, per part, its summary sentences. */
    record Result(String summary, List<List<Pick>> parts, Engine engine) {
    }

    private MeetingSummary() {
    }

    /**
     * Summarises a meeting cut into contiguous parts of turns.
     *
     * @param parts start (inclusive) and end (exclusive) turn index of every part, in order
     */
    static Result summarize(List<Turn> turns, List<int[]> parts, boolean chinese, TextKit text,
                            CancellationSignal cancellation) {
        return summarize(turns, parts, chinese, text, 1.0, cancellation);
    }

    /**
     * Summarises a meeting cut into contiguous parts of turns, at a length against the standard.
     *
     * @param length multiplies the summary's word target ({@link #targetWords}): 0.5 brief, 2 detailed
     */
    static Result summarize(List<Turn> turns, List<int[]> parts, boolean chinese, TextKit text, double length,
                            CancellationSignal cancellation) {
        List<List<String>> candidates = new ArrayList<>();
        int total = 0;
        for (int[] part : parts) {
            List<String> sentences = candidates(turns.subList(part[0], part[1]), text, chinese);
            candidates.add(sentences);
            total += sentences.size();
        }
        // Long meetings: keep each part's share of the sentences richest in the meeting's keywords.
        if (total > MAX_CANDIDATES) {
            Map<String, Double> weights = keywordWeights(turns, text);
            for (int p = 0; p < candidates.size(); p++) {
                int share = Math.max(3, (int) Math.round((double) MAX_CANDIDATES * candidates.get(p).size() / total));
                candidates.set(p, richest(candidates.get(p), weights, share));
            }
        }
        int meetingWords = turns.stream().mapToInt(t -> words(t.text())).sum();
        int targetWords = (int) Math.round(targetWords(meetingWords) * length);
        int perPart = Math.max(2, (int) Math.ceil(targetWords / 12.0 / parts.size()) + 1);

        List<List<Pick>> picks = new ArrayList<>();
        Engine engine = null;
        int offset = 0;
        for (List<String> sentences : candidates) {
            cancellation.throwIfCancelled();
            List<Pick> part = new ArrayList<>();
            if (!sentences.isEmpty()) {
                Summary summary = text.summarize(String.join("\n", sentences), Math.min(perPart, sentences.size()));
                engine = engine == null ? summary.engine() : engine;
                List<Summary.Sentence> byScore = summary.sentences().stream()
                        .sorted(Comparator.comparingDouble(Summary.Sentence::score).reversed()).toList();
                for (int r = 0; r < byScore.size(); r++) {
                    Summary.Sentence s = byScore.get(r);
                    int at = sentences.indexOf(s.text());
                    part.add(new Pick(offset + (at < 0 ? s.index() : at), s.text(), s.score(), r));
                }
                part.sort(Comparator.comparingInt(Pick::position));
            }
            picks.add(part);
            offset += sentences.size();
        }
        String summary = join(choose(picks, targetWords), chinese);
        String about = about(turns, text, chinese);
        if (!about.isEmpty() && meetingWords >= 300) {
            summary = about + (chinese ? "" : " ") + summary;
        }
        return new Result(summary, picks, engine);
    }

    /** 60 words and one more per 300 spoken, at most 120: QMSum's whole-meeting references are 60–120 words. */
    static int targetWords(int meetingWords) {
        return Math.min(120, 60 + meetingWords / 300);
    }

    /** Every part's best sentence, then every part's second best, … until the target length; in meeting order. */
    static List<Pick> choose(List<List<Pick>> parts, int targetWords) {
        List<Pick> all = parts.stream().flatMap(List::stream)
                .sorted(Comparator.comparingInt(Pick::rank).thenComparing(Comparator.comparingDouble(Pick::score).reversed()))
                .toList();
        List<Pick> chosen = new ArrayList<>();
        List<Set<String>> seen = new ArrayList<>();
        int words = 0;
        for (Pick pick : all) {
            if (words >= targetWords && chosen.size() >= 2) {
                break;
            }
            Set<String> terms = terms(pick.text());
            // A sentence that would overshoot the length by far gives way to a shorter one of the same round.
            boolean tooLong = chosen.size() >= 2 && words + words(pick.text()) > targetWords * 1.2;
            if (tooLong || seen.stream().anyMatch(s -> overlap(s, terms) > 0.5)) {
                continue;
            }
            chosen.add(pick);
            seen.add(terms);
            words += words(pick.text());
        }
        chosen.sort(Comparator.comparingInt(Pick::position));
        return chosen;
    }

    /** The cleaned sentences of the turns worth summarising; all of them when too few are long enough. */
    static List<String> candidates(List<Turn> turns, TextKit text, boolean chinese) {
        List<String> all = new ArrayList<>();
        List<String> long_ = new ArrayList<>();
        for (Turn turn : turns) {
            String said = clean(turn.text());
            if (said.isEmpty()) {
                continue;
            }
            for (String sentence : text.sentences(said)) {
                String s = sentenceCase(LEADING.matcher(sentence.strip()).replaceFirst(""));
                if (words(s) < 2) {
                    continue;
                }
                s = ended(s, chinese);
                all.add(s);
                // A question rarely says what the meeting did; its answer does.
                if (words(s) >= MIN_WORDS && !s.endsWith("?") && !s.endsWith("？")) {
                    long_.add(s);
                }
            }
        }
        return long_.size() >= 2 ? long_ : all;
    }

    /** Spoken text without fillers, stutters ("the the the") and spaces before punctuation. */
    static String clean(String said) {
        String s = DETACHED_CLITIC.matcher(said).replaceAll("$1");
        s = CHINESE_FILLERS.matcher(s).replaceAll("");
        s = FILLERS.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\s+", " ");
        s = STUTTER.matcher(s).replaceAll("$1");
        s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("$1");
        s = s.replaceAll("([,;:])(?:\\s*[,;:])+", "$1").replaceAll("^[\\s,;:.]+", "");
        return s.strip();
    }

    /** Words, counting two Chinese characters as one. */
    static int words(String text) {
        int latin = 0;
        var m = WORD.matcher(text.replaceAll("\\p{IsHan}", " "));
        while (m.find()) {
            latin++;
        }
        long han = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        return latin + (int) (han / 2);
    }

    /** "The meeting was about a, b and c." from the meeting's keywords; empty when it has none. */
    static String about(List<Turn> turns, TextKit text, boolean chinese) {
        String plain = turns.stream().map(t -> clean(t.text())).collect(Collectors.joining("\n"));
        List<String> terms = text.keywords(plain, 12).stream().map(TextKit.Keyword::term)
                .filter(term -> Collections.disjoint(Arrays.asList(term.toLowerCase(Locale.ROOT).split("\\s+")), SPOKEN))
                .limit(5).toList();
        if (terms.size() < 2) {
            return "";
        }
        if (chinese) {
            return "会议讨论了" + String.join("、", terms.subList(0, terms.size() - 1)) + "和" + terms.get(terms.size() - 1) + "。";
        }
        return "The meeting was about " + String.join(", ", terms.subList(0, terms.size() - 1)) + " and "
                + terms.get(terms.size() - 1) + ".";
    }

    private static Map<String, Double> keywordWeights(List<Turn> turns, TextKit text) {
        String plain = turns.stream().map(t -> clean(t.text())).collect(Collectors.joining("\n"));
        Map<String, Double> weights = new HashMap<>();
        for (TextKit.Keyword keyword : text.keywords(plain, 150)) {
            for (String term : terms(keyword.term())) {
                weights.merge(term, keyword.score(), Math::max);
            }
        }
        return weights;
    }

    /** The {@code keep} sentences with the most keyword weight per square root of length, in their order. */
    private static List<String> richest(List<String> sentences, Map<String, Double> weights, int keep) {
        if (sentences.size() <= keep) {
            return sentences;
        }
        double[] score = new double[sentences.size()];
        for (int i = 0; i < score.length; i++) {
            String s = sentences.get(i);
            score[i] = terms(s).stream().mapToDouble(t -> weights.getOrDefault(t, 0.0)).sum()
                    / Math.sqrt(Math.max(1, words(s)));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(score[b], score[a]));
        Set<Integer> kept = new HashSet<>(order.subList(0, keep));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (kept.contains(i)) {
                out.add(sentences.get(i));
            }
        }
        return out;
    }

    private static Set<String> terms(String text) {
        Set<String> out = new HashSet<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            if (w.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                w.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
            } else if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String t : a) {
            if (b.contains(t)) {
                shared++;
            }
        }
        return (double) shared / Math.min(a.size(), b.size());
    }

    private static String sentenceCase(String s) {
        return s.isEmpty() ? s : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + s.substring(s.offsetByCodePoints(0, 1));
    }

    private static String ended(String s, boolean chinese) {
        if (s.matches(".*[.!?。！？…]$")) {
            return s;
        }
        return s + (chinese ? "。" : ".");
    }

    private static String join(List<Pick> picks, boolean chinese) {
        return picks.stream().map(Pick::text).collect(Collectors.joining(chinese ? "" : " "));
    }
}
