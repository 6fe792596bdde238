package dev.atrium.documents.internal;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillException;
import dev.atrium.sdk.model.OcrResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.BiFunction;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Reads the text of a PDF page that has none in its text layer: renders it in grey at up to 300 dpi and hands
 * the image to the OCR callback. A failing OCR never fails the document; the page gets a note instead.
 */
public final class ScannedPageReader {

    /** What reading one page gave: its text, or a note saying why there is none. */
    public record Outcome(String text, String note) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(ScannedPageReader.class);
    private static final float DPI = 300;
    // A huge page at 300 dpi would need gigabytes; beyond this many pixels a side the resolution drops.
    private static final float MAX_SIDE_PIXELS = 7000;
    private static final int CONTENT_BYTES_OF_A_DRAWING = 2048;

    private final BiFunction<Media, List<String>, OcrResult> ocr;
    private final List<String> languages;

    /** Reads with an OCR callback ({@code null} for none) and its language codes (empty for the default). */
    public ScannedPageReader(BiFunction<Media, List<String>, OcrResult> ocr, List<String> languages) {
        this.ocr = ocr;
        this.languages = List.copyOf(languages);
    }

    /** Whether a page without text still shows something worth reading: an image, or a sizeable drawing. */
    public boolean showsSomething(PDPage page) {
        try {
            if (hasImage(page.getResources(), 0)) {
                return true;
            }
            if (!page.hasContents()) {
                return false;
            }
            try (InputStream contents = page.getContents()) {
                return contents.readNBytes(CONTENT_BYTES_OF_A_DRAWING).length >= CONTENT_BYTES_OF_A_DRAWING;
            }
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Reads one page (0-based) through OCR. */
    public Outcome read(PDFRenderer renderer, PDPage page, int pageIndex) {
        int number = pageIndex + 1;
        if (ocr == null) {
            return new Outcome("", "[page " + number + " is a scanned image; OCR is not configured, so its text is"
                    + " missing]");
        }
        byte[] png;
        try {
            png = render(renderer, page, pageIndex);
        } catch (IOException | RuntimeException e) {
            LOG.warn("page {} could not be rendered for OCR", number, e);
            return new Outcome("", "[page " + number + " is a scanned image that could not be rendered for OCR]");
        }
        try {
            OcrResult result = ocr.apply(Media.of("page-" + number + ".png", "image/png", png), languages);
            String text = result == null || result.text() == null ? "" : result.text().strip();
            return new Outcome(text, text.isEmpty() ? "[page " + number + " is a scanned image; OCR found no text]"
                    : "");
        } catch (SkillException e) {
            LOG.warn("OCR of page {} failed: {}", number, e.getMessage());
            return new Outcome("", "[page " + number + " is a scanned image; OCR failed: " + e.getMessage() + "]");
        } catch (RuntimeException e) {
            LOG.warn("OCR of page {} failed", number, e);
            return new Outcome("", "[page " + number + " is a scanned image; OCR failed]");
        }
    }

    private static byte[] render(PDFRenderer renderer, PDPage page, int pageIndex) throws IOException {
        PDRectangle box = page.getCropBox();
        float longestInches = Math.max(box.getWidth(), box.getHeight()) / 72f;
        float dpi = longestInches <= 0 ? DPI : Math.min(DPI, MAX_SIDE_PIXELS / longestInches);
        BufferedImage image = renderer.renderImageWithDPI(pageIndex, dpi, ImageType.GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            ImageIO.write(image, "png", stream);
        }
        return out.toByteArray();
    }

    private static boolean hasImage(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 4) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof PDFormXObject form && hasImage(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }
}
