package dev.atrium.engine.ocr;

import java.util.ArrayList;
import java.util.List;

/** Reads the words out of Tesseract's TSV output (level 5 rows), keeping which line each belongs to. */
final class TsvWords {

    private static final int WORD_LEVEL = 5;

    private TsvWords() {
    }

    /**
     * One recognised word in the coordinates of the image Tesseract was given.
     *
     * @param line key of its line: page, block, paragraph and line numbers
     */
    record Word(String text, double confidence, int left, int top, int width, int height, String line) {
    }

    static List<Word> parse(String tsv) {
        List<Word> words = new ArrayList<>();
        for (String row : tsv.split("\n")) {
            // level page block par line word left top width height conf text
            String[] f = row.split("\t", 12);
            if (f.length < 12 || !isInt(f[0]) || Integer.parseInt(f[0]) != WORD_LEVEL) {
                continue;
            }
            String text = f[11].strip();
            double confidence = Double.parseDouble(f[10]);
            if (text.isEmpty() || confidence < 0) {
                continue;
            }
            words.add(new Word(text, Math.min(100, confidence), Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                    Integer.parseInt(f[8]), Integer.parseInt(f[9]), f[1] + "." + f[2] + "." + f[3] + "." + f[4]));
        }
        return words;
    }

    /** Mean word confidence, 0 when there are no words. */
    static double meanConfidence(List<Word> words) {
        return words.stream().mapToDouble(Word::confidence).average().orElse(0);
    }

    private static boolean isInt(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
