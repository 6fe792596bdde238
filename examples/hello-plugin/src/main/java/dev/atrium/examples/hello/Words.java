package dev.atrium.examples.hello;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word counting and word-sized streaming pieces for text in any script.
 *
 * <p>A word is a whitespace-separated token. Chinese and Japanese text is written without spaces, so inside
 * a token every CJK ideograph counts as one word, and each run of other letters or digits next to them
 * (such as "Java" in "我用Java") counts as one more; punctuation alone is not a word there.
 */
final class Words {

    // Unicode white space, so the ideographic space U+3000 used in CJK text separates words too.
    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private Words() {
    }

    /** How many words the text has, by the rule above. */
    static int count(String text) {
        int words = 0;
        for (String token : WHITESPACE.split(text)) {
            if (token.isEmpty()) {
                continue;
            }
            words += token.codePoints().anyMatch(Character::isIdeographic) ? countInCjkToken(token) : 1;
        }
        return words;
    }

    private static int countInCjkToken(String token) {
        int words = 0;
        boolean inRun = false;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isIdeographic(cp)) {
                words++;
                inRun = false;
            } else if (Character.isLetterOrDigit(cp) && !inRun) {
                words++;
                inRun = true;
            }
        }
        return words;
    }

    /**
     * Splits the text into pieces to stream: a word with the whitespace after it, or a single ideograph.
     * The pieces concatenate back to exactly the text.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        boolean boundary = false;
        boolean pieceHasText = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean space = Character.isWhitespace(cp);
            boolean ideograph = Character.isIdeographic(cp);
            // A new piece starts at a non-space after whitespace or after an ideograph, and at every
            // ideograph; leading whitespace stays with the first word rather than becoming a piece of its own.
            if (pieceHasText && !space && (boundary || ideograph)) {
                pieces.add(text.substring(start, i));
                start = i;
            }
            pieceHasText |= !space;
            boundary = space || ideograph;
            i += Character.charCount(cp);
        }
        if (start < text.length()) {
            pieces.add(text.substring(start));
        }
        return pieces;
    }
}
