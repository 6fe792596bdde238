package dev.atrium.engine.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Breaks text into the terms lexical similarity compares: lower-cased words without stopwords, reduced to a
 * crude stem ({@code budgets} and {@code budget} match), and character bigrams of Chinese and Japanese,
 * which need no dictionary and match well between sentences on the same topic.
 */
final class Terms {

    private Terms() {
    }

    /** A word or CJK run with where it starts; {@code cjk} runs are not split into words. */
    record Token(String text, boolean cjk, int start) {
    }

    /** Words (letters, digits, inner apostrophes) and runs of Han/kana, in text order. */
    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (Scripts.isUnspaced(cp)) {
                int j = i;
                while (j < n && Scripts.isUnspaced(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
                tokens.add(new Token(text.substring(i, j), true, i));
                i = j;
            } else if (Character.isLetterOrDigit(cp)) {
                int j = i;
                while (j < n) {
                    int c = text.codePointAt(j);
                    boolean inner = (c == '\'' || c == '’') && j + 1 < n && Character.isLetter(text.codePointAt(j + 1));
                    if (!(Character.isLetterOrDigit(c) && !Scripts.isUnspaced(c)) && !inner) {
                        break;
                    }
                    j += Character.charCount(c);
                }
                tokens.add(new Token(text.substring(i, j).replace('’', '\''), false, i));
                i = j;
            } else {
                i += Character.charCount(cp);
            }
        }
        return tokens;
    }

    /** The terms of a text for similarity: stems of content words and CJK bigrams. */
    static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        for (Token t : tokens(text)) {
            if (t.cjk()) {
                bigrams(t.text(), terms);
            } else {
                String w = t.text().toLowerCase(Locale.ROOT);
                if (isContentWord(w)) {
                    terms.add(stem(w));
                }
            }
        }
        return terms;
    }

    /** Overlapping character pairs, skipping pairs made only of Chinese function characters. */
    static void bigrams(String run, List<String> out) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1) {
            String single = new String(cps, 0, 1);
            if (!Stopwords.CHINESE.contains(single)) {
                out.add(single);
            }
            return;
        }
        for (int k = 0; k + 1 < cps.length; k++) {
            String pair = new String(cps, k, 2);
            boolean weak = Stopwords.CHINESE_WEAK_EDGES.indexOf(cps[k]) >= 0
                    && Stopwords.CHINESE_WEAK_EDGES.indexOf(cps[k + 1]) >= 0;
            if (!weak && !Stopwords.CHINESE.contains(pair)) {
                out.add(pair);
            }
        }
    }

    /** Not a stopword, not a bare number, and long enough to mean something. */
    static boolean isContentWord(String lower) {
        if (lower.length() < 2 || Stopwords.ENGLISH.contains(lower)) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isLetter(lower.charAt(i))) {
                letter = true;
                break;
            }
        }
        return letter;
    }

    /** A deliberately crude English stem: enough to match plurals and -ing/-ed forms, never shown to users. */
    static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 5 && w.endsWith("ing")) {
            return undouble(w.substring(0, w.length() - 3));
        }
        if (w.length() > 4 && w.endsWith("ed") && !w.endsWith("eed")) {
            return undouble(w.substring(0, w.length() - 2));
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.endsWith("es") && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes"))
                    ? w.substring(0, w.length() - 2) : w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String undouble(String s) {
        int n = s.length();
        if (n > 2 && s.charAt(n - 1) == s.charAt(n - 2) && "lsz".indexOf(s.charAt(n - 1)) < 0) {
            return s.substring(0, n - 1);
        }
        return s;
    }
}
