package dev.atrium.plugins.office;

import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF page as if OCR had read it: words with boxes in the pixels of the page rendered at
 * {@link ReceiptPages#PDF_DPI}, lines by baseline, confidence 100. An invoice exported by software carries its
 * exact characters; reading them is instant and loses nothing, where rendering and OCR take seconds and misread
 * digits. {@link #usable} tells a real text layer from the junk some scanners and font subsets leave behind
 * (a few stray characters, or glyphs without a Unicode mapping), for which the page is read by OCR instead.
 */
final class PdfTextLayer {

    /** The engine named for pages read from their text layer. */
    static final Engine ENGINE = Engine.embedded("pdf-text");

    /** A usable layer has at least this many visible characters (a receipt's vendor, date and total)... */
    static final int MIN_CHARACTERS = 20;
    /** ...on at least this many lines... */
    static final int MIN_LINES = 3;
    /** ...and at most this share of them unmappable (U+FFFD, control or private-use characters). */
    static final double MAX_JUNK_SHARE = 0.1;

    private PdfTextLayer() {
    }

    /**
     * The page's text with its positions, or {@code null} when the page has none worth reading (see
     * {@link #usable}) or is rotated (its text and its rendered image would not share axes).
     *
     * @param pageIndex 0-based
     */
    static OcrResult read(PDDocument pdf, int pageIndex, float dpi) throws IOException {
        PDPage page = pdf.getPage(pageIndex);
        if (page.getRotation() % 360 != 0) {
            return null;
        }
        WordCollector collector = new WordCollector(dpi / 72f);
        collector.setStartPage(pageIndex + 1);
        collector.setEndPage(pageIndex + 1);
        collector.setSortByPosition(true);
        collector.getText(pdf);
        OcrResult result = collector.result();
        return usable(result) ? result : null;
    }

    /**
     * Whether the text is a receipt's rather than a scanner's stray marks or a font's unmapped glyph codes:
     * enough visible characters on enough lines, few of them junk, and some digits (every receipt has
     * amounts).
     */
    static boolean usable(OcrResult text) {
        int visible = 0;
        int junk = 0;
        int digits = 0;
        for (int c : text.text().codePoints().toArray()) {
            if (Character.isWhitespace(c)) {
                continue;
            }
            visible++;
            int type = Character.getType(c);
            if (c == 0xFFFD || type == Character.CONTROL || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || type == Character.SURROGATE) {
                junk++;
            } else if (Character.isDigit(c)) {
                digits++;
            }
        }
        long lines = text.text().lines().filter(l -> !l.isBlank()).count();
        return visible >= MIN_CHARACTERS && lines >= MIN_LINES && junk <= MAX_JUNK_SHARE * visible && digits >= 3;
    }

    /** Collects the stripper's words (split again at spaces) with their boxes, then groups them by baseline. */
    private static final class WordCollector extends PDFTextStripper {

        private record Placed(String text, float left, float top, float right, float baseline, float height) {
        }

        private final float scale;
        private final List<Placed> words = new ArrayList<>();

        WordCollector(float scale) {
            this.scale = scale;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            StringBuilder word = new StringBuilder();
            List<TextPosition> letters = new ArrayList<>();
            for (TextPosition p : positions) {
                String unicode = p.getUnicode();
                boolean blank = unicode == null || unicode.isBlank();
                // A gap wider than a space's width also ends a word, for PDFs that place words without spaces.
                boolean gap = !letters.isEmpty() && p.getXDirAdj() - right(letters.get(letters.size() - 1))
                        > Math.max(p.getWidthOfSpace(), 0.25f * size(p));
                if (blank || gap) {
                    add(word, letters);
                }
                if (!blank) {
                    word.append(unicode);
                    letters.add(p);
                }
            }
            add(word, letters);
        }

        private void add(StringBuilder word, List<TextPosition> letters) {
            if (!letters.isEmpty()) {
                float left = letters.get(0).getXDirAdj();
                float right = right(letters.get(letters.size() - 1));
                float baseline = (float) letters.stream().mapToDouble(TextPosition::getYDirAdj).max().orElse(0);
                float height = (float) letters.stream().mapToDouble(PdfTextLayer.WordCollector::height).max().orElse(0);
                words.add(new Placed(word.toString(), left, baseline - height, right, baseline, height));
            }
            word.setLength(0);
            letters.clear();
        }

        private static float right(TextPosition p) {
            return p.getXDirAdj() + p.getWidthDirAdj();
        }

        private static float size(TextPosition p) {
            return p.getFontSizeInPt() > 0 ? p.getFontSizeInPt() : Math.abs(p.getYScale());
        }

        /** The glyph's height: PDFBox's estimate, or most of the font size when a font does not tell. */
        private static float height(TextPosition p) {
            float h = p.getHeightDir();
            return h > 0.3f * size(p) ? h : 0.7f * size(p);
        }

        OcrResult result() {
            List<Placed> sorted = new ArrayList<>(words);
            sorted.sort(Comparator.comparingDouble(Placed::baseline));
            // Lines by baseline: a word within a third of its height of a line's baseline is on that line.
            List<List<Placed>> lines = new ArrayList<>();
            for (Placed w : sorted) {
                List<Placed> last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null && Math.abs(last.get(0).baseline() - w.baseline()) <= Math.max(1f, w.height() / 3)) {
                    last.add(w);
                } else {
                    lines.add(new ArrayList<>(List.of(w)));
                }
            }
            List<OcrResult.Line> outLines = new ArrayList<>();
            List<OcrResult.Word> outWords = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (List<Placed> line : lines) {
                line.sort(Comparator.comparingDouble(Placed::left));
                List<OcrResult.Box> boxes = new ArrayList<>();
                StringBuilder lineText = new StringBuilder();
                for (Placed w : line) {
                    OcrResult.Box box = new OcrResult.Box(Math.round(w.left() * scale), Math.round(w.top() * scale),
                            Math.max(1, Math.round((w.right() - w.left()) * scale)), Math.max(1, Math.round(w.height() * scale)));
                    outWords.add(new OcrResult.Word(w.text(), 100, box, outLines.size()));
                    boxes.add(box);
                    lineText.append(lineText.isEmpty() ? "" : " ").append(w.text());
                }
                outLines.add(new OcrResult.Line(lineText.toString(), 100, ReceiptField.union(boxes)));
                text.append(lineText).append('\n');
            }
            return new OcrResult(text.toString(), List.copyOf(outLines), List.copyOf(outWords), ENGINE);
        }
    }
}
