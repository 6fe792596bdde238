package dev.atrium.engine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Tells a text's main language. Scripts decide where they are unambiguous (Han → zh, kana → ja, Hangul → ko,
 * Greek, Hebrew, Thai, Devanagari, Arabic); Latin and Cyrillic text goes to Apache OpenNLP's language model
 * (103 languages, from the {@code opennlp-models-langdetect} jar), restricted to widely used languages so
 * rare neighbours (Limburgish for Dutch, Occitan for French) cannot win on short text. Unsure → {@code und}.
 */
final class LanguageDetector {

    static final String UNDETERMINED = "und";
    private static final String MODEL = "/langdetect-183.bin";
    private static final int MAX_CHARS = 3000;
    private static final int MIN_LETTERS = 8;
    /** The best language must beat the runner-up by this factor; OpenNLP's scores are flat on short text. */
    private static final double MIN_MARGIN = 1.1;
    private static final List<String> CANDIDATES = List.of("eng", "deu", "fra", "spa", "ita", "por", "nld", "rus",
            "ukr", "pol", "swe", "dan", "nob", "fin", "ces", "slk", "slv", "hrv", "srp", "bul", "tur", "ind", "vie",
            "ron", "hun", "cat", "est", "lvs", "lit", "tgl", "msa");
    private static final Map<String, String> TO_ISO1 = iso1();

    // One model per JVM: text kits are made per run, and the model takes a moment and megabytes to load.
    private static volatile LanguageDetectorModel model;

    String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return UNDETERMINED;
        }
        int han = scripts.getOrDefault(Character.UnicodeScript.HAN, 0);
        int kana = scripts.getOrDefault(Character.UnicodeScript.HIRAGANA, 0)
                + scripts.getOrDefault(Character.UnicodeScript.KATAKANA, 0);
        int hangul = scripts.getOrDefault(Character.UnicodeScript.HANGUL, 0);
        int latin = scripts.getOrDefault(Character.UnicodeScript.LATIN, 0);
        // A CJK character weighs about as much as a short word: three Latin letters.
        int cjk = 3 * (han + kana + hangul);
        if (cjk > latin) {
            if (hangul > han + kana) {
                return "ko";
            }
            // Japanese mixes kana into nearly every sentence; Chinese has none.
            if (kana > 0 && kana * 10 >= han) {
                return "ja";
            }
            return han >= 2 ? "zh" : UNDETERMINED;
        }
        Character.UnicodeScript main = scripts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElseThrow();
        switch (main) {
            case GREEK:
                return "el";
            case HEBREW:
                return "he";
            case THAI:
                return "th";
            case DEVANAGARI:
                return "hi";
            case ARABIC:
                return "ar";
            case LATIN:
            case CYRILLIC:
                return letters < MIN_LETTERS ? UNDETERMINED : statistical(sample);
            default:
                return UNDETERMINED;
        }
    }

    private String statistical(String text) {
        Language[] ranked = new LanguageDetectorME(model()).predictLanguages(text);
        List<Language> known = new ArrayList<>(2);
        for (Language l : ranked) {
            if (CANDIDATES.contains(l.getLang())) {
                known.add(l);
                if (known.size() == 2) {
                    break;
                }
            }
        }
        if (known.isEmpty()) {
            return UNDETERMINED;
        }
        if (known.size() == 2 && known.get(0).getConfidence() < MIN_MARGIN * known.get(1).getConfidence()) {
            return UNDETERMINED;
        }
        return TO_ISO1.getOrDefault(known.get(0).getLang(), known.get(0).getLang());
    }

    private static LanguageDetectorModel model() {
        LanguageDetectorModel m = model;
        if (m == null) {
            synchronized (LanguageDetector.class) {
                m = model;
                if (m == null) {
                    try (InputStream in = LanguageDetector.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException(MODEL + " is missing: add opennlp-models-langdetect");
                        }
                        m = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load the language model", e);
                    }
                    model = m;
                }
            }
        }
        return m;
    }

    /** ISO 639-3 (OpenNLP's codes) to ISO 639-1, from the JDK's own table plus OpenNLP's macro-language codes. */
    private static Map<String, String> iso1() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(two).getISO3Language(), two);
            } catch (java.util.MissingResourceException e) {
                // no three-letter code known for it
            }
        }
        map.put("lvs", "lv");
        map.put("ekk", "et");
        map.put("zlm", "ms");
        map.put("msa", "ms");
        map.put("pes", "fa");
        map.put("cmn", "zh");
        map.put("nob", "nb");
        return Map.copyOf(map);
    }
}
