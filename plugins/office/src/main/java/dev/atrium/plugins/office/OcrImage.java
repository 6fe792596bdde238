package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The image handed to OCR for a receipt page. Phone photos and scans of till rolls are often small (a
 * 460-pixel-wide SROIE scan has letters 10 pixels high) and Tesseract reads best at 25-35 pixel letters,
 * so small pages are enlarged first and the word boxes scaled back to the page's own pixels.
 */
final class OcrImage {

    /** Pages narrower than this are enlarged. */
    static final int MIN_WIDTH = 1200;
    static final double MAX_SCALE = 3;

    record Prepared(Media media, double scale) {
    }

    private OcrImage() {
    }

    static Prepared prepare(ReceiptPages.Page page) {
        BufferedImage image = page.image();
        double scale = Math.min(MAX_SCALE, (double) MIN_WIDTH / image.getWidth());
        if (scale <= 1.2) {
            return new Prepared(page.media(), 1);
        }
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        String name = page.media().name().replaceFirst("\\.[^.]+$", "") + "-ocr.png";
        return new Prepared(Media.of(name, "image/png", ReceiptPages.png(big)), (double) w / image.getWidth());
    }

    /** The OCR result with every box in the page's own pixels. */
    static OcrResult scaleBack(OcrResult ocr, double scale) {
        if (scale == 1) {
            return ocr;
        }
        List<OcrResult.Line> lines = ocr.lines().stream()
                .map(l -> new OcrResult.Line(l.text(), l.confidence(), scale(l.box(), scale))).toList();
        List<OcrResult.Word> words = ocr.words().stream()
                .map(w -> new OcrResult.Word(w.text(), w.confidence(), scale(w.box(), scale), w.line())).toList();
        return new OcrResult(ocr.text(), lines, words, ocr.engine());
    }

    private static OcrResult.Box scale(OcrResult.Box box, double scale) {
        if (box == null) {
            return null;
        }
        return new OcrResult.Box((int) Math.round(box.x() / scale), (int) Math.round(box.y() / scale),
                Math.max(1, (int) Math.round(box.width() / scale)), Math.max(1, (int) Math.round(box.height() / scale)));
    }
}
