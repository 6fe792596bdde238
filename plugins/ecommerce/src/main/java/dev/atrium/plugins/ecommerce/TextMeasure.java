package dev.atrium.plugins.ecommerce;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a marketplace counts a field's length. Amazon counts title characters but search-term bytes (UTF-8, so
 * {@code é} is 2 and {@code 中} is 3); Taobao and JD count a Chinese (or other full-width) character as 2 and
 * a Latin letter, digit or space as 1, so Taobao's 60 is 30 Chinese characters.
 */
enum TextMeasure {
    /** Unicode code points. */
    CHARS("chars"),
    /** UTF-8 bytes. */
    UTF8_BYTES("utf8-bytes"),
    /** Wide (CJK, full-width) characters count 2, the others 1. */
    CJK_DOUBLE("cjk-double");

    private final String id;

    TextMeasure(String id) {
        this.id = id;
    }

    @JsonValue
    String id() {
        return id;
    }

    @JsonCreator
    static TextMeasure of(String id) {
        for (TextMeasure m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown length unit '" + id + "' (chars, utf8-bytes, cjk-double)");
    }

    /** The text's length in this unit. */
    int length(String text) {
        return switch (this) {
            case CHARS -> text.codePointCount(0, text.length());
            case UTF8_BYTES -> text.getBytes(StandardCharsets.UTF_8).length;
            case CJK_DOUBLE -> text.codePoints().map(TextMeasure::cjkWidth).sum();
        };
    }

    /** The length of one code point. */
    int length(int codePoint) {
        return switch (this) {
            case CHARS -> 1;
            case UTF8_BYTES -> new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            case CJK_DOUBLE -> cjkWidth(codePoint);
        };
    }

    /** Whether a code point is wide: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
    static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }

    private static int cjkWidth(int cp) {
        return wide(cp) ? 2 : 1;
    }

    /**
     * The longest start of the text within {@code max} units, cut at a word boundary (or, for Chinese, between
     * characters), without trailing separators.
     */
    String truncate(String text, int max) {
        if (length(text) <= max) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        int lastBoundary = -1;
        int[] cps = text.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            int w = length(cp);
            if (used + w > max) {
                // Inside a Latin word: go back to the last boundary; after a wide character we may cut here.
                // A cut is clean before a space or next to a wide character; a hyphenated word is one word.
                boolean midWord = !Character.isWhitespace(cp) && !wide(cp) && out.length() > 0
                        && !Character.isWhitespace(out.codePointBefore(out.length()))
                        && !wide(out.codePointBefore(out.length()));
                if (midWord && lastBoundary >= 0) {
                    out.setLength(lastBoundary);
                }
                break;
            }
            if (Character.isWhitespace(cp) || wide(cp)) {
                lastBoundary = wide(cp) ? out.length() + Character.charCount(cp) : out.length();
            }
            out.appendCodePoint(cp);
            used += w;
        }
        return tidyEnd(out.toString());
    }

    /** Strips separators and dangling small joiners left at the end of a cut. */
    static String tidyEnd(String text) {
        String t = text.strip();
        String before;
        do {
            before = t;
            t = t.replaceAll("[\\s,;:/|\\-–—(&+、，；：（]+$", "");
            t = t.replaceAll("(?i)\\s+(and|or|with|for|of|in|the|a|an|to|by|x)$", "");
        } while (!t.equals(before));
        return t;
    }
}
