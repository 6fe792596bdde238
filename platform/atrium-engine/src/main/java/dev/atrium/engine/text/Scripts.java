package dev.atrium.engine.text;

/** Which writing system a character belongs to, as far as the text tools care. */
final class Scripts {

    private Scripts() {
    }

    static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    static boolean isKana(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
    }

    static boolean isHangul(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
    }

    /** Han or kana: written without spaces, so words are found by character n-grams. */
    static boolean isUnspaced(int cp) {
        return isHan(cp) || isKana(cp);
    }

    /** Whether most letters of the text are Han, kana or Hangul (each counted as a short word). */
    static boolean mostlyCjk(String text) {
        int cjk = 0;
        int other = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isUnspaced(cp) || isHangul(cp)) {
                cjk++;
            } else if (Character.isLetter(cp)) {
                other++;
            }
        }
        // One CJK character carries about as much as a short word, i.e. three Latin letters.
        return cjk * 3 > other;
    }
}
