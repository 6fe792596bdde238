package dev.atrium.engine.ocr;

import java.util.List;

/**
 * Picks the band of a page on which to test whether the page is upside down: the quarter of its height (at least
 * {@link #MIN_LINES} lines of its words) holding the most words a first reading found, so the test reads little
 * and still sees text.
 */
final class TurnProbe {

    /** Share of the page's height a band covers. */
    static final double SHARE = 0.25;
    /** Lines of text (median word heights) a band covers at least. */
    static final int MIN_LINES = 6;
    /** Words a band must hold for its confidence to say anything. */
    static final int MIN_WORDS = 5;
    /** Bands that would cover more of the page than this are not worth it: the whole page is read instead. */
    static final double MAX_SHARE = 0.6;

    /** Rows {@code [top, bottom)} of the page and the words whose centres lie in them. */
    record Band(int top, int bottom, List<TsvWords.Word> words) {
    }

    private TurnProbe() {
    }

    /** The band to read half-turned, or {@code null} when the page is too short or has too few words for one. */
    static Band band(List<TsvWords.Word> words, int pageHeight) {
        if (words.size() < MIN_WORDS || pageHeight <= 0) {
            return null;
        }
        int[] heights = words.stream().mapToInt(TsvWords.Word::height).sorted().toArray();
        int height = (int) Math.max(SHARE * pageHeight, MIN_LINES * 2.0 * heights[heights.length / 2]);
        if (height > MAX_SHARE * pageHeight) {
            return null;
        }
        int[] centres = words.stream().mapToInt(w -> w.top() + w.height() / 2).sorted().toArray();
        // The window starting at a word's centre that holds the most centres (two pointers over sorted centres).
        int bestFrom = 0;
        int bestCount = 0;
        int end = 0;
        for (int from = 0; from < centres.length; from++) {
            while (end < centres.length && centres[end] < centres[from] + height) {
                end++;
            }
            if (end - from > bestCount) {
                bestCount = end - from;
                bestFrom = from;
            }
        }
        if (bestCount < MIN_WORDS) {
            return null;
        }
        // Centred on the words it holds, kept inside the page.
        int span = centres[bestFrom + bestCount - 1] - centres[bestFrom];
        int top = Math.max(0, Math.min(pageHeight - height, centres[bestFrom] - (height - span) / 2));
        int bottom = top + height;
        List<TsvWords.Word> inside = words.stream().filter(w -> {
            int centre = w.top() + w.height() / 2;
            return centre >= top && centre < bottom;
        }).toList();
        return new Band(top, bottom, inside);
    }
}
