package dev.atrium.plugins.office;

import dev.atrium.sdk.CancellationSignal;
import dev.atrium.sdk.text.PassageIndex;
import dev.atrium.sdk.text.TextKit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a meeting changes subject: TextTiling (Hearst, 1997) over sentence embeddings.
 *
 * <p>Consecutive turns are grouped into blocks of about the same number of words (at most
 * {@value #MAX_BLOCKS} blocks, so that the cost does not grow with the meeting's length), each block's first
 * {@value #SAMPLE_WORDS} words of content — back-channels left out — are indexed with the text kit, and every
 * block is searched against the index, which gives the cosine similarity of every pair of blocks (TF-IDF for
 * Chinese, which the embedded model does not cover). The coherence at each gap between blocks is the mean
 * similarity of the blocks within a window on its left to those within the window on its right, smoothed
 * over three gaps. A gap's depth is how far the coherence climbs on each side of it before it falls again;
 * the valleys at least as deep as the mean valley are the boundaries, taken deepest first as long as every
 * topic keeps {@value #MIN_TOPIC_TURNS} turns and a fifteenth of the meeting's words, with at most one topic
 * per {@value #WORDS_PER_TOPIC} words and {@value #MAX_TOPICS} in all. The window is 2 to 5 blocks, a
 * twelfth of them. Cut-off and block count were chosen on QMSum's 12 meetings ({@code ./atrium eval office
 * meetings}). Meetings under {@value #MIN_TURNS} turns or {@value #MIN_WORDS} words are one topic.
 */
final class TopicSegmentation {

    /** Fewer turns than this make one topic. */
    static final int MIN_TURNS = 16;
    /** Fewer words than this make one topic. */
    static final int MIN_WORDS = 200;
    /** The meeting is cut into at most this many blocks: every block is embedded twice (index and search). */
    static final int MAX_BLOCKS = 60;
    /** A block is represented by its first words of content: enough to say what it is about, cheap to embed. */
    static final int SAMPLE_WORDS = 48;
    /** A topic is at least this many turns. */
    static final int MIN_TOPIC_TURNS = 4;
    /** At most one topic per this many words of the meeting. */
    static final int WORDS_PER_TOPIC = 100;
    /** At most this many topics, however long the meeting. */
    static final int MAX_TOPICS = 10;

    /** A turn shorter than this ("Yeah.", "Okay, right.") says nothing about the subject. */
    private static final int CONTENT_WORDS = 4;
    private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}'’]+");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private TopicSegmentation() {
    }

    /** Start (inclusive) and end (exclusive) turn of each topic, in order, covering every turn. */
    static List<int[]> segment(List<Turn> turns, TextKit text, CancellationSignal cancellation) {
        int n = turns.size();
        if (n == 0) {
            return List.of();
        }
        List<String> said = turns.stream().map(t -> MeetingSummary.clean(t.text())).toList();
        int[] words = said.stream().mapToInt(MeetingSummary::words).toArray();
        int total = 0;
        for (int w : words) {
            total += w;
        }
        int maxTopics = Math.min(MAX_TOPICS, total / WORDS_PER_TOPIC);
        if (n < MIN_TURNS || total < MIN_WORDS || maxTopics < 2) {
            return List.of(new int[] {0, n});
        }
        List<int[]> blocks = blocks(words, total);
        if (blocks.size() < 4) {
            return List.of(new int[] {0, n});
        }
        double[][] similarity = similarities(blocks, turns, said, words, text, cancellation);
        double[] coherence = smooth(coherence(similarity, window(blocks.size())));
        double[] depth = depths(coherence);

        List<Integer> valleys = new ArrayList<>();
        for (int g = 0; g < coherence.length; g++) {
            boolean lowest = (g == 0 || coherence[g] <= coherence[g - 1])
                    && (g == coherence.length - 1 || coherence[g] <= coherence[g + 1]);
            if (lowest && depth[g] > 0) {
                valleys.add(g);
            }
        }
        double cutoff = cutoff(valleys.stream().mapToDouble(g -> depth[g]).toArray());
        valleys.sort((a, b) -> Double.compare(depth[b], depth[a]));

        int[] before = new int[n + 1];
        for (int i = 0; i < n; i++) {
            before[i + 1] = before[i] + words[i];
        }
        int minWords = total / 15;
        List<Integer> cuts = new ArrayList<>(List.of(0, n));
        for (int g : valleys) {
            if (depth[g] < cutoff || cuts.size() - 1 >= maxTopics) {
                break;
            }
            // Gap g lies between block g and block g + 1: the topic starts with block g + 1's first turn.
            int at = blocks.get(g + 1)[0];
            boolean roomy = cuts.stream().allMatch(c -> Math.abs(c - at) >= MIN_TOPIC_TURNS
                    && Math.abs(before[c] - before[at]) >= minWords);
            if (roomy) {
                cuts.add(at);
            }
        }
        cuts.sort(null);
        List<int[]> parts = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            parts.add(new int[] {cuts.get(i), cuts.get(i + 1)});
        }
        return parts;
    }

    /** Runs of turns of about {@code total / MAX_BLOCKS} words each (one turn at least); start and end turn. */
    static List<int[]> blocks(int[] words, int total) {
        int size = Math.max(1, (int) Math.ceil((double) total / MAX_BLOCKS));
        List<int[]> blocks = new ArrayList<>();
        int from = 0;
        int sum = 0;
        for (int i = 0; i < words.length; i++) {
            sum += words[i];
            if (sum >= size) {
                blocks.add(new int[] {from, i + 1});
                from = i + 1;
                sum = 0;
            }
        }
        if (from < words.length) {
            // A short tail joins the block before it.
            if (!blocks.isEmpty() && sum < size / 2.0) {
                blocks.get(blocks.size() - 1)[1] = words.length;
            } else {
                blocks.add(new int[] {from, words.length});
            }
        }
        return blocks;
    }

    /** Cosine similarity of every pair of blocks, from one index of the blocks searched with each of them. */
    private static double[][] similarities(List<int[]> blocks, List<Turn> turns, List<String> said, int[] words,
                                           TextKit text, CancellationSignal cancellation) {
        List<String> samples = new ArrayList<>();
        for (int[] block : blocks) {
            List<String> content = new ArrayList<>();
            for (int i = block[0]; i < block[1]; i++) {
                if (words[i] >= CONTENT_WORDS) {
                    content.add(said.get(i));
                }
            }
            if (content.isEmpty()) {
                content = turns.subList(block[0], block[1]).stream().map(Turn::text).toList();
            }
            samples.add(head(content.stream().collect(Collectors.joining(" ")), SAMPLE_WORDS));
        }
        int b = samples.size();
        PassageIndex index = text.index(samples);
        double[][] similarity = new double[b][b];
        for (int i = 0; i < b; i++) {
            cancellation.throwIfCancelled();
            for (PassageIndex.Hit hit : index.search(samples.get(i), b)) {
                similarity[i][hit.index()] = hit.score();
            }
        }
        // Lexical scores need not be symmetric; embeddings are.
        for (int i = 0; i < b; i++) {
            for (int j = i + 1; j < b; j++) {
                similarity[i][j] = similarity[j][i] = (similarity[i][j] + similarity[j][i]) / 2;
            }
        }
        return similarity;
    }

    /** Blocks compared on each side of a gap: wider for longer meetings, 2 to 5. */
    static int window(int blocks) {
        return Math.max(2, Math.min(5, Math.round(blocks / 12f)));
    }

    /** Mean similarity across gap g (between block g and g + 1) of the {@code window} blocks on either side. */
    static double[] coherence(double[][] similarity, int window) {
        int b = similarity.length;
        double[] score = new double[b - 1];
        for (int g = 0; g < b - 1; g++) {
            double sum = 0;
            int pairs = 0;
            for (int i = Math.max(0, g - window + 1); i <= g; i++) {
                for (int j = g + 1; j <= Math.min(b - 1, g + window); j++) {
                    sum += similarity[i][j];
                    pairs++;
                }
            }
            score[g] = sum / pairs;
        }
        return score;
    }

    /** A moving average over three gaps. */
    static double[] smooth(double[] score) {
        double[] out = new double[score.length];
        for (int g = 0; g < score.length; g++) {
            int from = Math.max(0, g - 1);
            int to = Math.min(score.length - 1, g + 1);
            double sum = 0;
            for (int i = from; i <= to; i++) {
                sum += score[i];
            }
            out[g] = sum / (to - from + 1);
        }
        return out;
    }

    /** Hearst's depth: the climb from the gap to the highest point before the coherence falls, left plus right. */
    static double[] depths(double[] score) {
        double[] depth = new double[score.length];
        for (int g = 0; g < score.length; g++) {
            double left = score[g];
            for (int i = g - 1; i >= 0 && score[i] >= left; i--) {
                left = score[i];
            }
            double right = score[g];
            for (int i = g + 1; i < score.length && score[i] >= right; i++) {
                right = score[i];
            }
            depth[g] = (left - score[g]) + (right - score[g]);
        }
        return depth;
    }

    /**
     * The mean depth of the valleys. Hearst cuts at the mean minus half a standard deviation of the depths of all
     * gaps, most of which are not valleys; over valleys alone, the mean gave the topic counts closest to QMSum's
     * (3.8 per meeting against 3.7; mean minus half a deviation gave 4.9, mean plus half 2.8).
     */
    static double cutoff(double[] depths) {
        double mean = 0;
        for (double d : depths) {
            mean += d;
        }
        return depths.length == 0 ? Double.POSITIVE_INFINITY : mean / depths.length;
    }

    /** The text up to its {@code max}-th word (a Chinese character counting half a word). */
    static String head(String text, int max) {
        Matcher m = TOKEN.matcher(text);
        double count = 0;
        while (m.find()) {
            count += HAN.matcher(m.group()).matches() ? 0.5 : 1;
            if (count > max) {
                return text.substring(0, m.start()).strip();
            }
        }
        return text;
    }
}
