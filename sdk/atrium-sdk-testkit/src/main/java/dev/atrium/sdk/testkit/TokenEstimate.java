package dev.atrium.sdk.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * A rough token count for fake usage: one token per whitespace-separated word, and one per CJK ideograph
 * since such text has no spaces. Real tokenisers differ; tests only need usage that grows with the text.
 */
final class TokenEstimate {

    private TokenEstimate() {
    }

    static long of(String text) {
        long tokens = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                inWord = false;
            } else if (Character.isIdeographic(cp)) {
                tokens++;
                inWord = false;
            } else if (!inWord) {
                tokens++;
                inWord = true;
            }
        }
        return tokens;
    }

    /** Splits text into word-sized pieces (each keeps its trailing whitespace) that concatenate to the text. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp);
            if (i > start && (afterSpace && !space || Character.isIdeographic(cp))) {
                pieces.add(text.substring(start, i));
                start = i;
            }
            afterSpace = space;
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
