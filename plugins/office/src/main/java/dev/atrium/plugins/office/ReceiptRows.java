package dev.atrium.plugins.office;

import dev.atrium.sdk.model.OcrResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The visual rows of a receipt page, rebuilt from OCR words: Tesseract often reads a right-aligned amount
 * as a block of its own, so words whose vertical centres fall within one another's height are put back on
 * the row they are printed on. A row keeps each word's position in its text, so any match in the text can
 * be boxed on the page.
 */
final class ReceiptRows {

    /** One printed row: its words left to right and their text, Chinese characters joined without spaces. */
    record Row(int index, List<OcrResult.Word> words, String text, int[] starts) {

        OcrResult.Box box() {
            return ReceiptField.union(words.stream().map(OcrResult.Word::box).toList());
        }

        int top() {
            return box().y();
        }

        int height() {
            return box().height();
        }

        /** Mean word confidence, 0 to 1. */
        double confidence() {
            return words.stream().mapToDouble(OcrResult.Word::confidence).average().orElse(0) / 100.0;
        }

        /** The words that the characters {@code [from, to)} of {@link #text()} come from. */
        List<OcrResult.Word> wordsIn(int from, int to) {
            List<OcrResult.Word> out = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                int start = starts[i];
                int end = start + words.get(i).text().length();
                if (start < to && end > from) {
                    out.add(words.get(i));
                }
            }
            return out;
        }

        /** A field for the text matched by the group, boxed around its words and as sure as they are. */
        ReceiptField field(Object value, Matcher matcher, int group, double certainty, int page) {
            return field(value, matcher.start(group), matcher.end(group), certainty, page);
        }

        ReceiptField field(Object value, int from, int to, double certainty, int page) {
            List<OcrResult.Word> hit = wordsIn(from, to);
            if (hit.isEmpty()) {
                hit = words;
            }
            double ocr = hit.stream().mapToDouble(OcrResult.Word::confidence).average().orElse(0) / 100.0;
            return ReceiptField.of(value, ocr * certainty,
                    ReceiptField.union(hit.stream().map(OcrResult.Word::box).toList()), page);
        }

        /** A field for the whole row. */
        ReceiptField whole(Object value, double certainty, int page) {
            return ReceiptField.of(value, confidence() * certainty, box(), page);
        }
    }

    private ReceiptRows() {
    }

    static List<Row> of(OcrResult ocr) {
        List<OcrResult.Word> words = ocr.words().stream()
                .filter(w -> !w.text().isBlank() && w.box() != null)
                .sorted(Comparator.comparingDouble(w -> centre(w.box())))
                .toList();
        List<List<OcrResult.Word>> rows = new ArrayList<>();
        for (OcrResult.Word word : words) {
            List<OcrResult.Word> home = null;
            for (int r = rows.size() - 1; r >= Math.max(0, rows.size() - 3) && home == null; r--) {
                if (sameRow(rows.get(r), word)) {
                    home = rows.get(r);
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                rows.add(home);
            }
            home.add(word);
        }
        List<Row> out = new ArrayList<>();
        for (List<OcrResult.Word> row : rows) {
            row.sort(Comparator.comparingInt(w -> w.box().x()));
            StringBuilder text = new StringBuilder();
            int[] starts = new int[row.size()];
            for (int i = 0; i < row.size(); i++) {
                String w = row.get(i).text();
                if (i > 0 && !(isHan(text.codePointBefore(text.length())) && isHan(w.codePointAt(0)))) {
                    text.append(' ');
                }
                starts[i] = text.length();
                text.append(w);
            }
            out.add(new Row(out.size(), List.copyOf(row), text.toString(), starts));
        }
        return out;
    }

    private static boolean sameRow(List<OcrResult.Word> row, OcrResult.Word word) {
        // The row's typical band, not the union of its boxes: a union grows with every tall or slanted word
        // until it swallows the next printed row.
        int top = (int) Math.round(row.stream().mapToInt(w -> w.box().y()).average().orElse(0));
        int bottom = (int) Math.round(row.stream().mapToInt(w -> w.box().y() + w.box().height()).average().orElse(0));
        OcrResult.Box box = new OcrResult.Box(0, top, 1, Math.max(1, bottom - top));
        // Vertical overlap, not centres: a colon or a comma has a small box low on the line, Chinese
        // characters a tall one, and both belong to the row they share most of their height with.
        int overlap = Math.min(box.y() + box.height(), word.box().y() + word.box().height())
                - Math.max(box.y(), word.box().y());
        if (overlap < 0.5 * Math.min(box.height(), word.box().height())) {
            return false;
        }
        if (overlap >= 0.7 * Math.min(box.height(), word.box().height())) {
            return true; // Tesseract's boxes of Chinese characters may overlap their neighbours'.
        }
        // Words of a row do not overlap horizontally; two that do are on different rows.
        for (OcrResult.Word other : row) {
            int across = Math.min(other.box().x() + other.box().width(), word.box().x() + word.box().width())
                    - Math.max(other.box().x(), word.box().x());
            if (across > Math.min(other.box().width(), word.box().width()) / 2) {
                return false;
            }
        }
        return true;
    }

    private static double centre(OcrResult.Box box) {
        return box.y() + box.height() / 2.0;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || (codePoint >= 0xFF00 && codePoint <= 0xFFEF) || (codePoint >= 0x3000 && codePoint <= 0x303F);
    }
}
