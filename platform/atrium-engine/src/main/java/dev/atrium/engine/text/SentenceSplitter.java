package dev.atrium.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences by rule. English: ends at {@code . ! ?} followed by a space and a capital,
 * except after titles and abbreviations ({@code Dr.}, {@code e.g.}), initials, inside decimals
 * ({@code 3.5}) and addresses, and at an ellipsis inside a sentence. Chinese and Japanese: ends at
 * {@code 。！？；} and {@code ……}, no space needed. Closing quotes and brackets stay with their sentence;
 * blank lines always end one.
 */
final class SentenceSplitter {

    /** Abbreviations that never end a sentence: they are followed by a name, a number or more text. */
    private static final Set<String> NEVER_FINAL = Set.of("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt",
            "rev", "gen", "col", "capt", "lt", "sgt", "hon", "vs", "v", "e.g", "i.e", "cf", "viz", "approx", "ca",
            "no", "nos", "fig", "figs", "vol", "pp", "p", "ch", "sec", "dept", "est", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat",
            "sun", "ave", "rd", "blvd", "ph.d", "al");
    private static final String CLOSERS = "\"'”’»)]}」』）】》〉";
    private static final String CJK_TERMINATORS = "。！？；｡";

    List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return sentences;
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int end = -1;
            if (CJK_TERMINATORS.indexOf(c) >= 0) {
                end = absorb(s, i + 1);
            } else if (c == '…' || c == '.' || c == '!' || c == '?' || c == '！' || c == '？') {
                end = latinEnd(s, i);
            } else if (c == '\n') {
                end = lineEnd(s, i);
            }
            if (end > i) {
                add(sentences, s.substring(start, end));
                start = end;
                i = end;
            } else {
                i++;
            }
        }
        add(sentences, s.substring(start));
        return sentences;
    }

    /** Where a sentence ending at {@code . ! ? …} (index i) really ends, or -1 if it does not end here. */
    private int latinEnd(String s, int i) {
        char c = s.charAt(i);
        int after = i + 1;
        while (after < s.length() && ".!?…！？".indexOf(s.charAt(after)) >= 0) {
            after++;
        }
        boolean ellipsis = c == '…' || (c == '.' && after - i >= 3) || s.startsWith("…", i + 1);
        if (ellipsis && i > 0 && Scripts.isUnspaced(s.codePointBefore(i))) {
            return absorb(s, after); // Chinese "……" ends a sentence.
        }
        int end = absorb(s, after);
        if (end >= s.length()) {
            return end;
        }
        char next = s.charAt(end);
        if (Scripts.isUnspaced(next)) {
            return end;
        }
        if (!Character.isWhitespace(next)) {
            return -1; // 3.5, example.com, v1.2, "Yahoo!Inc"
        }
        String following = nextWord(s, end);
        if (following.isEmpty()) {
            return end;
        }
        int first = following.codePointAt(0);
        if (Character.isLowerCase(first)) {
            return -1; // a sentence does not start in lower case: abbreviation, or a quote going on
        }
        if (c != '.' || ellipsis) {
            return ellipsis && !startsSentence(first) ? -1 : end;
        }
        String word = wordBefore(s, i);
        String key = word.toLowerCase(Locale.ROOT);
        if (NEVER_FINAL.contains(key)) {
            return -1;
        }
        if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
            return -1; // an initial: J. R. Tolkien
        }
        if (Character.isDigit(first) && word.length() <= 4 && !word.isEmpty()
                && word.chars().allMatch(Character::isLetter) && !isCommonWord(key)) {
            return -1; // "art. 5", "Nr. 3"
        }
        return end;
    }

    private static boolean startsSentence(int cp) {
        return Character.isUpperCase(cp) || Character.isDigit(cp) || Scripts.isUnspaced(cp)
                || "\"'“‘(「『".indexOf(cp) >= 0;
    }

    private static boolean isCommonWord(String word) {
        return Stopwords.ENGLISH.contains(word);
    }

    /** A newline ends a sentence on a blank line, or when the next line does not go on in lower case. */
    private static int lineEnd(String s, int i) {
        int j = i + 1;
        boolean blank = false;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            if (s.charAt(j) == '\n') {
                blank = true;
            }
            j++;
        }
        if (blank || j >= s.length()) {
            return j;
        }
        int next = s.codePointAt(j);
        int prev = lastNonSpaceBefore(s, i);
        // Hard-wrapped lines: English going on in lower case, or CJK text broken mid-sentence.
        if (Character.isLowerCase(next) || (prev >= 0 && Scripts.isUnspaced(prev) && Scripts.isUnspaced(next))) {
            return -1;
        }
        return j;
    }

    private static int lastNonSpaceBefore(String s, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (!Character.isWhitespace(s.charAt(k))) {
                return s.charAt(k);
            }
        }
        return -1;
    }

    /** Skips closing quotes and brackets right after a terminator. */
    private static int absorb(String s, int from) {
        int j = from;
        while (j < s.length() && (CLOSERS.indexOf(s.charAt(j)) >= 0 || CJK_TERMINATORS.indexOf(s.charAt(j)) >= 0
                || s.charAt(j) == '…')) {
            j++;
        }
        return j;
    }

    private static String nextWord(String s, int from) {
        int j = from;
        while (j < s.length() && Character.isWhitespace(s.charAt(j))) {
            j++;
        }
        int k = j;
        while (k < s.length() && !Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return s.substring(j, k);
    }

    /** The word just before index i, with inner dots kept ("e.g", "U.S"), without leading punctuation. */
    private static String wordBefore(String s, int i) {
        int k = i;
        while (k > 0 && (Character.isLetterOrDigit(s.charAt(k - 1)) || s.charAt(k - 1) == '.')) {
            k--;
        }
        String w = s.substring(k, i);
        while (w.startsWith(".")) {
            w = w.substring(1);
        }
        return w;
    }

    private static void add(List<String> sentences, String piece) {
        String cleaned = clean(piece);
        if (!cleaned.isEmpty()) {
            sentences.add(cleaned);
        }
    }

    /** Collapses whitespace; drops it entirely between two CJK characters (line breaks of wrapped text). */
    static String clean(String piece) {
        String trimmed = piece.strip();
        StringBuilder out = new StringBuilder(trimmed.length());
        int i = 0;
        while (i < trimmed.length()) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c)) {
                int j = i;
                while (j < trimmed.length() && Character.isWhitespace(trimmed.charAt(j))) {
                    j++;
                }
                boolean cjkBoth = !out.isEmpty() && Scripts.isUnspaced(out.codePointBefore(out.length()))
                        && j < trimmed.length() && Scripts.isUnspaced(trimmed.codePointAt(j));
                if (!cjkBoth) {
                    out.append(' ');
                }
                i = j;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
