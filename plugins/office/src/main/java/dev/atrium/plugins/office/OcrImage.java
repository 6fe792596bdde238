package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The image handed to OCR for a receipt page. Phone photos and scans of till rolls are often small (a
 * 460-pixel-wide SROIE scan has letters 10 pixels high) and Tesseract reads best at 25-35 pixel letters,
 * so small pages are enlarged first and the word boxes scaled back to the page's own pixels.
 */
final class OcrImage {

    /** Pages narrower than this are enlarged. */
    static final int MIN_WIDTH = 1200;
    static final double MAX_SCALE = 3;
    /** Word height (pixels, ascenders and descenders included) that Tesseract reads well; a 463-pixel-wide
     * SROIE scan enlarged to 1200 pixels has about this. */
    static final double WORD_HEIGHT = 34;

    record Prepared(Media media, double scale) {
    }

    private OcrImage() {
    }

    static Prepared prepare(ReceiptPages.Page page) {
        return prepare(page, false);
    }

    /**
     * @param binarize whether to turn the page black and white (Otsu's threshold): faint thermal print and
     *     coloured ink read differently, and a second reading settles figures the first got wrong
     */
    static Prepared prepare(ReceiptPages.Page page, boolean binarize) {
        return prepare(page, binarize, 0);
    }

    /**
     * @param textScale the enlargement that brings the page's words to {@link #WORD_HEIGHT} (see
     *     {@link #scaleForText}), used instead of the width rule's when over 1.5 times it; 0 for none
     */
    static Prepared prepare(ReceiptPages.Page page, boolean binarize, double textScale) {
        BufferedImage image = page.image();
        double scale = Math.min(MAX_SCALE, (double) MIN_WIDTH / image.getWidth());
        // The width rule suits most pages; only one whose print it clearly under-enlarges is sized by its letters.
        if (textScale > 1.5 * Math.max(1, scale)) {
            scale = textScale;
        }
        if (scale <= 1.2 && !binarize) {
            // An upload is read as it came; a rendered PDF page as BMP, which costs little to write and read.
            return new Prepared(page.upload() != null ? page.upload()
                    : Media.of(page.name().replaceFirst("\\.[^.]+$", "") + ".bmp", "image/bmp", bmp(image)), 1);
        }
        scale = Math.max(1, scale);
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage big = GrayEnlarger.resize(image, w, h);
        if (binarize) {
            otsu(big);
        }
        // BMP, not PNG: OCR decodes the page twice (a preview, then Tesseract), and PNG's filtering and
        // deflate cost about 100 ms a page to encode and decode where BMP costs about 20.
        String name = page.name().replaceFirst("\\.[^.]+$", "") + (binarize ? "-bw.bmp" : "-ocr.bmp");
        return new Prepared(Media.of(name, "image/bmp", bmp(big)), (double) w / image.getWidth());
    }

    /**
     * The page's rows {@code [top, bottom)} across its whole width, enlarged by {@code scale} as the page was
     * for its first reading, so that a row read again looks to OCR as it did on the page. Boxes read on it come
     * back to the page with {@link #scaleBack(OcrResult, double, int)}.
     */
    static Prepared band(ReceiptPages.Page page, int top, int bottom, double scale) {
        BufferedImage image = page.image();
        int y0 = Math.max(0, top);
        int h = Math.min(image.getHeight(), bottom) - y0;
        if (h <= 0) {
            throw new IllegalArgumentException("no rows between " + top + " and " + bottom);
        }
        // A copy, not a view: the enlarger reads plain pixel arrays (a view would send it to Java2D's slower path).
        BufferedImage rows = new BufferedImage(image.getWidth(), h,
                image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_3BYTE_BGR : image.getType());
        java.awt.Graphics2D g = rows.createGraphics();
        try {
            g.drawImage(image.getSubimage(0, y0, image.getWidth(), h), 0, 0, null);
        } finally {
            g.dispose();
        }
        double s = Math.max(1, scale);
        BufferedImage big = s == 1 && rows.getType() == BufferedImage.TYPE_BYTE_GRAY ? rows
                : GrayEnlarger.resize(rows, (int) Math.round(rows.getWidth() * s), (int) Math.round(h * s));
        String name = page.name().replaceFirst("\\.[^.]+$", "") + "-rows-" + y0 + ".bmp";
        return new Prepared(Media.of(name, "image/bmp", bmp(big)), (double) big.getWidth() / image.getWidth());
    }

    /**
     * The enlargement (1 to {@link #MAX_SCALE}) that brings the median height of the words a first reading read
     * surely to {@link #WORD_HEIGHT} pixels, or 0 when too few were read to judge. A wide page of small print
     * (a till roll scanned on A5) is not enlarged by the width rule, though its letters are as small as a
     * narrow scan's.
     */
    static double scaleForText(OcrResult pageWords) {
        int[] heights = pageWords.words().stream()
                .filter(w -> w.box() != null && w.confidence() >= 60 && w.text().strip().length() >= 3)
                .mapToInt(w -> w.box().height()).sorted().toArray();
        if (heights.length < 10) {
            return 0;
        }
        double median = heights[heights.length / 2];
        return Math.max(1, Math.min(MAX_SCALE, WORD_HEIGHT / median));
    }

    /** Black and white at the threshold that best separates the page's two tones. */
    private static void otsu(BufferedImage gray) {
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        int[] histogram = new int[256];
        for (byte p : pixels) {
            histogram[p & 0xff]++;
        }
        long total = pixels.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumBelow = 0;
        long below = 0;
        double best = 0;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            below += histogram[t];
            if (below == 0) {
                continue;
            }
            long above = total - below;
            if (above == 0) {
                break;
            }
            sumBelow += (double) t * histogram[t];
            double meanBelow = sumBelow / below;
            double meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (pixels[i] & 0xff) > threshold ? (byte) 255 : 0;
        }
    }

    private static byte[] bmp(BufferedImage gray) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(gray.getWidth() * gray.getHeight() + 2048);
            ImageIO.write(gray, "bmp", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The OCR result of a {@link #band} with every box in the page's own pixels. */
    static OcrResult scaleBack(OcrResult ocr, double scale, int top) {
        OcrResult scaled = scaleBack(ocr, scale);
        List<OcrResult.Line> lines = scaled.lines().stream()
                .map(l -> new OcrResult.Line(l.text(), l.confidence(), down(l.box(), top))).toList();
        List<OcrResult.Word> words = scaled.words().stream()
                .map(w -> new OcrResult.Word(w.text(), w.confidence(), down(w.box(), top), w.line())).toList();
        return new OcrResult(scaled.text(), lines, words, scaled.engine());
    }

    private static OcrResult.Box down(OcrResult.Box box, int by) {
        return box == null ? null : new OcrResult.Box(box.x(), box.y() + by, box.width(), box.height());
    }

    private static OcrResult.Box scale(OcrResult.Box box, double scale) {
        if (box == null) {
            return null;
        }
        return new OcrResult.Box((int) Math.round(box.x() / scale), (int) Math.round(box.y() / scale),
                Math.max(1, (int) Math.round(box.width() / scale)), Math.max(1, (int) Math.round(box.height() / scale)));
    }
}
