package dev.atrium.engine.ocr;

import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Tesseract's words into the SDK's result: lines grouped by Tesseract's own block/paragraph/line
 * numbers, boxes mapped back to the pixels of the uploaded image, CJK words joined without spaces.
 */
final class OcrResultAssembler {

    private final AffineTransform toOriginal;
    private final int width;
    private final int height;

    /**
     * @param toProcessed maps original image pixels to the pixels Tesseract saw
     * @param width original width, to clip boxes
     * @param height original height
     */
    OcrResultAssembler(AffineTransform toProcessed, int width, int height) {
        try {
            this.toOriginal = toProcessed.createInverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalArgumentException("preparation transform cannot be inverted", e);
        }
        this.width = width;
        this.height = height;
    }

    OcrResult assemble(List<TsvWords.Word> words, Engine engine) {
        List<OcrResult.Line> lines = new ArrayList<>();
        List<OcrResult.Word> out = new ArrayList<>();
        int start = 0;
        while (start < words.size()) {
            int end = start;
            String key = words.get(start).line();
            while (end < words.size() && words.get(end).line().equals(key)) {
                end++;
            }
            List<TsvWords.Word> group = words.subList(start, end);
            int lineIndex = lines.size();
            OcrResult.Box lineBox = null;
            StringBuilder text = new StringBuilder();
            double confidence = 0;
            for (TsvWords.Word w : group) {
                OcrResult.Box box = map(w);
                out.add(new OcrResult.Word(w.text(), w.confidence(), box, lineIndex));
                lineBox = lineBox == null ? box : union(lineBox, box);
                if (!text.isEmpty() && !(isCjk(text.charAt(text.length() - 1)) && isCjk(w.text().charAt(0)))) {
                    text.append(' ');
                }
                text.append(w.text());
                confidence += w.confidence();
            }
            lines.add(new OcrResult.Line(text.toString(), confidence / group.size(), lineBox));
            start = end;
        }
        String all = String.join("\n", lines.stream().map(OcrResult.Line::text).toList());
        return new OcrResult(all, List.copyOf(lines), List.copyOf(out), engine);
    }

    private OcrResult.Box map(TsvWords.Word w) {
        double[] corners = {w.left(), w.top(), w.left() + w.width(), w.top(),
            w.left(), w.top() + w.height(), w.left() + w.width(), w.top() + w.height()};
        toOriginal.transform(corners, 0, corners, 0, 4);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < 8; i += 2) {
            minX = Math.min(minX, corners[i]);
            maxX = Math.max(maxX, corners[i]);
            minY = Math.min(minY, corners[i + 1]);
            maxY = Math.max(maxY, corners[i + 1]);
        }
        int x0 = clamp((int) Math.floor(minX), width);
        int y0 = clamp((int) Math.floor(minY), height);
        int x1 = clamp((int) Math.ceil(maxX), width);
        int y1 = clamp((int) Math.ceil(maxY), height);
        return new OcrResult.Box(x0, y0, x1 - x0, y1 - y0);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    private static OcrResult.Box union(OcrResult.Box a, OcrResult.Box b) {
        int x0 = Math.min(a.x(), b.x());
        int y0 = Math.min(a.y(), b.y());
        int x1 = Math.max(a.x() + a.width(), b.x() + b.width());
        int y1 = Math.max(a.y() + a.height(), b.y() + b.height());
        return new OcrResult.Box(x0, y0, x1 - x0, y1 - y0);
    }

    /** Han, kana and full-width punctuation: written without spaces between words (unlike Hangul). */
    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);
    }
}
