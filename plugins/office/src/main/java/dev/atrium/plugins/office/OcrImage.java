package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The image handed to OCR for a receipt page. Phone photos and scans of till rolls are often small (a
 * 460-pixel-wide SROIE scan has letters 10 pixels high) and Tesseract reads best at 25-35 pixel letters,
 * so small pages are enlarged first and the word boxes scaled back to the page's own pixels.
 */
final class OcrImage {

    /** Pages narrower than this are enlarged. */
    static final int MIN_WIDTH = 1200;
    static final double MAX_SCALE = 3;
    /** The longest side of a page made for OCR without enlarging it (the engine downscales larger ones anyway). */
    static final int MAX_SIDE = 4096;
    /** Word height (pixels, ascenders and descenders included) that Tesseract reads well; a 463-pixel-wide
     * SROIE scan enlarged to 1200 pixels has about this. */
    static final double WORD_HEIGHT = 34;

    record Prepared(Media media, double scale) {
    }

    private OcrImage() {
    }

    /**
     * The page as OCR is to read it, and how much it was enlarged ({@link #scaleBack} undoes it on the boxes).
     *
     * @param binarize whether to turn the page black and white (Otsu's threshold): faint thermal print and
     *     coloured ink read differently, and a second reading settles figures the first got wrong
     * @param textScale the enlargement that brings the page's words to {@link #WORD_HEIGHT} (see
     *     {@link #scaleForText}), used instead of the width rule's when over 1.5 times it; 0 for none
     * @param dropRed whether red ink is dropped ({@link RedStamps}): yes for a stamped page read in a Latin
     *     script; no for Chinese, whose VAT invoices print their labels in red-brown
     */
    static Prepared prepare(ReceiptPages.Page page, boolean binarize, double textScale, boolean dropRed) {
        BufferedImage image = page.image();
        double scale = Math.min(MAX_SCALE, (double) MIN_WIDTH / image.getWidth());
        // The width rule suits most pages; only one whose print it clearly under-enlarges is sized by its letters.
        if (textScale > 1.5 * Math.max(1, scale)) {
            scale = textScale;
        }
        if (scale <= 1.2 && !binarize) {
            if (!dropRed) {
                // An upload is read as it came; a rendered PDF page as BMP, which costs little to write and read.
                return new Prepared(page.upload() != null ? page.upload()
                        : Media.of(stem(page) + ".bmp", "image/bmp", bmp(image)), 1);
            }
            // Its own grey copy instead, no larger than OCR reads pages (a 48 MP photo would not fit its limits).
            scale = Math.min(1, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        } else {
            scale = Math.max(1, scale);
        }
        int w = (int) Math.round(image.getWidth() * scale);
        int h = (int) Math.round(image.getHeight() * scale);
        BufferedImage big = GrayEnlarger.resize(image, w, h, dropRed);
        if (binarize) {
            otsu(big);
        }
        // BMP, not PNG: OCR decodes the page twice (a preview, then Tesseract), and PNG's filtering and
        // deflate cost about 100 ms a page to encode and decode where BMP costs about 20.
        String name = stem(page) + (binarize ? "-bw.bmp" : "-ocr.bmp");
        return new Prepared(Media.of(name, "image/bmp", bmp(big)), (double) w / image.getWidth());
    }

    /**
     * Bands of the page's rows, each {@code [top, bottom)} across the whole width, enlarged by {@code scale} as the
     * page was for its first reading and stacked into one image with a blank gap between them: rows read again look
     * to OCR as they did on the page (red ink dropped if it was, {@code dropRed}), and several bands cost one reading.
     * Overlapping bands are read as one.
     */
    static Bands bands(ReceiptPages.Page page, List<int[]> ranges, double scale, boolean dropRed) {
        BufferedImage image = page.image();
        List<int[]> merged = new ArrayList<>();
        ranges.stream().map(r -> new int[] {Math.max(0, r[0]), Math.min(image.getHeight(), r[1])})
                .filter(r -> r[1] > r[0]).sorted(Comparator.comparingInt(r -> r[0])).forEach(r -> {
                    int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                    if (last != null && r[0] <= last[1]) {
                        last[1] = Math.max(last[1], r[1]);
                    } else {
                        merged.add(r);
                    }
                });
        if (merged.isEmpty()) {
            throw new IllegalArgumentException("no rows to read");
        }
        double s = Math.max(1, scale);
        int width = (int) Math.round(image.getWidth() * s);
        int gap = (int) Math.round(12 * s);
        int[] pageTops = new int[merged.size()];
        int[] imageTops = new int[merged.size()];
        int[] heights = new int[merged.size()];
        int height = 0;
        for (int k = 0; k < merged.size(); k++) {
            pageTops[k] = merged.get(k)[0];
            imageTops[k] = height;
            heights[k] = (int) Math.round((merged.get(k)[1] - merged.get(k)[0]) * s);
            height += heights[k] + (k + 1 < merged.size() ? gap : 0);
        }
        BufferedImage stacked = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = stacked.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            for (int k = 0; k < merged.size(); k++) {
                int h = merged.get(k)[1] - merged.get(k)[0];
                // A copy, not a view, in a layout the enlarger reads directly (a view, or a palette or 1-bit page,
                // would take Java2D's slower path; a copy in the page's own palette type would lose colours).
                BufferedImage rows = new BufferedImage(image.getWidth(), h, image.getType() == BufferedImage.TYPE_BYTE_GRAY
                        ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D r = rows.createGraphics();
                try {
                    r.drawImage(image.getSubimage(0, pageTops[k], image.getWidth(), h), 0, 0, null);
                } finally {
                    r.dispose();
                }
                g.drawImage(GrayEnlarger.resize(rows, width, heights[k], dropRed), 0, imageTops[k], null);
            }
        } finally {
            g.dispose();
        }
        String name = stem(page) + "-rows-" + pageTops[0] + ".bmp";
        return new Bands(Media.of(name, "image/bmp", bmp(stacked)), (double) width / image.getWidth(), pageTops,
                imageTops, heights);
    }

    /** The stacked bands of {@link #bands}: where each band's rows sit on the page and in the image. */
    record Bands(Media media, double scale, int[] pageTops, int[] imageTops, int[] heights) {

        /** The OCR result of the stacked image with every box in the page's own pixels; words in a gap are dropped. */
        OcrResult toPage(OcrResult ocr) {
            List<OcrResult.Word> words = new ArrayList<>();
            for (OcrResult.Word w : ocr.words()) {
                int band = w.box() == null ? -1 : bandOf(w.box().y() + w.box().height() / 2);
                if (band >= 0) {
                    OcrResult.Box b = OcrImage.scale(w.box(), scale);
                    words.add(new OcrResult.Word(w.text(), w.confidence(), new OcrResult.Box(b.x(),
                            pageTops[band] + (int) Math.round((w.box().y() - imageTops[band]) / scale), b.width(),
                            b.height()), w.line()));
                }
            }
            return new OcrResult(ocr.text(), List.of(), words, ocr.engine());
        }

        private int bandOf(int y) {
            for (int k = 0; k < imageTops.length; k++) {
                if (y >= imageTops[k] && y < imageTops[k] + heights[k]) {
                    return k;
                }
            }
            return -1;
        }
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

    /** The page's file name without its extension, for the names of the images made from it. */
    private static String stem(ReceiptPages.Page page) {
        return page.name().replaceFirst("\\.[^.]+$", "");
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
            // In memory: ImageIO would otherwise stage every page in a temporary file.
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                ImageIO.write(gray, "bmp", stream);
            }
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

    private static OcrResult.Box scale(OcrResult.Box box, double scale) {
        if (box == null) {
            return null;
        }
        return new OcrResult.Box((int) Math.round(box.x() / scale), (int) Math.round(box.y() / scale),
                Math.max(1, (int) Math.round(box.width() / scale)), Math.max(1, (int) Math.round(box.height() / scale)));
    }
}
