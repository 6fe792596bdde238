package dev.atrium.documents.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps text to a width: Latin words break at spaces (a word longer than the line is cut), CJK text may break
 * between any two characters, and closing punctuation such as {@code ，。）} never starts a line.
 */
final class LineBreaker {

    /** Measures printable text in points. */
    interface Measure {
        float width(String text);
    }

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕…,.;:?!)]}%";

    private LineBreaker() {
    }

    /** The lines of the text; hard line breaks are kept, an empty text gives one empty line. */
    static List<String> wrap(String text, float maxWidth, Measure measure) {
        List<String> lines = new ArrayList<>();
        for (String hardLine : text.split("\n", -1)) {
            wrapLine(hardLine, maxWidth, measure, lines);
        }
        return lines;
    }

    private static void wrapLine(String line, float maxWidth, Measure measure, List<String> lines) {
        StringBuilder current = new StringBuilder();
        float currentWidth = 0;
        boolean pendingSpace = false;
        float spaceWidth = measure.width(" ");
        for (String token : tokens(line)) {
            if (token.isBlank()) {
                pendingSpace = !current.isEmpty();
                continue;
            }
            float width = measure.width(token);
            float gap = pendingSpace ? spaceWidth : 0;
            boolean fits = currentWidth + gap + width <= maxWidth;
            boolean mustStay = !current.isEmpty() && !pendingSpace && NO_LINE_START.indexOf(token.charAt(0)) >= 0
                    && token.length() == 1;
            if (fits || mustStay) {
                if (pendingSpace) {
                    current.append(' ');
                }
                current.append(token);
                currentWidth += gap + width;
            } else {
                if (!current.isEmpty()) {
                    lines.add(current.toString());
                    current.setLength(0);
                    currentWidth = 0;
                }
                if (width <= maxWidth) {
                    current.append(token);
                    currentWidth = width;
                } else {
                    currentWidth = cut(token, maxWidth, measure, lines, current);
                }
            }
            pendingSpace = false;
        }
        lines.add(current.toString());
    }

    /** Cuts a word longer than a line into full lines; the rest stays in {@code current}. */
    private static float cut(String word, float maxWidth, Measure measure, List<String> lines, StringBuilder current) {
        int start = 0;
        while (start < word.length()) {
            int end = start + Character.charCount(word.codePointAt(start));
            while (end < word.length()) {
                int next = end + Character.charCount(word.codePointAt(end));
                if (measure.width(word.substring(start, next)) > maxWidth) {
                    break;
                }
                end = next;
            }
            if (end >= word.length()) {
                current.append(word, start, word.length());
                return measure.width(current.toString());
            }
            lines.add(word.substring(start, end));
            start = end;
        }
        return 0;
    }

    /** Runs of spaces, runs of non-CJK characters, and single CJK characters. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                while (end < line.length() && Character.isWhitespace(line.codePointAt(end))) {
                    end += Character.charCount(line.codePointAt(end));
                }
            } else if (!breaksAnywhere(cp)) {
                while (end < line.length()) {
                    int next = line.codePointAt(end);
                    if (Character.isWhitespace(next) || breaksAnywhere(next)) {
                        break;
                    }
                    end += Character.charCount(next);
                }
            }
            tokens.add(line.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static boolean breaksAnywhere(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || codePoint >= 0x3000 && codePoint <= 0x303F || codePoint >= 0xFF00 && codePoint <= 0xFFEF;
    }
}
