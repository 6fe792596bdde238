package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.UnsupportedMediaException;
import dev.atrium.sdk.model.OcrResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The page images of an uploaded receipt file: an image is one page; a PDF (scanned or digital) is rendered
 * page by page, so both go through the same reading, and a digital PDF's page also brings its text layer. Empty, corrupt and password-protected files are
 * refused with a {@link BadInputException} naming the file; other formats with an
 * {@link UnsupportedMediaException}.
 */
final class ReceiptPages {

    /**
     * One page: its pixels, the PDF's text layer of the page when it has a usable one ({@link PdfTextLayer}),
     * else {@code null}, and the page as a file (the upload itself for an image; a PNG for a rendered PDF page,
     * encoded only when asked for, since OCR is handed its own copy and a text-layer page needs none).
     */
    static final class Page {

        private final int number;
        private final String name;
        private final Media upload;
        private final BufferedImage image;
        private final OcrResult textLayer;
        private Media rendered;
        private Boolean redStamped;

        private Page(int number, String name, Media upload, BufferedImage image, OcrResult textLayer) {
            this.number = number;
            this.name = name;
            this.upload = upload;
            this.image = image;
            this.textLayer = textLayer;
        }

        /** An uploaded image. */
        static Page upload(Media file, BufferedImage image) {
            return new Page(1, file.name(), file, image, null);
        }

        /** A rendered PDF page. */
        static Page rendered(int number, String name, BufferedImage image, OcrResult textLayer) {
            return new Page(number, name, null, image, textLayer);
        }

        int number() {
            return number;
        }

        /** The file name of the page: the upload's, or {@code <stem>-page-<n>.png}. */
        String name() {
            return name;
        }

        /** The uploaded image this page is, or null for a rendered PDF page. */
        Media upload() {
            return upload;
        }

        BufferedImage image() {
            return image;
        }

        OcrResult textLayer() {
            return textLayer;
        }

        /** Whether red ink (a stamp, a tick) lies on the page ({@link RedStamps}), looked for once. */
        synchronized boolean redStamped() {
            if (redStamped == null) {
                redStamped = RedStamps.present(image);
            }
            return redStamped;
        }

        /** The page as an image file: the upload, or the rendered page as PNG (encoded once, on first use). */
        synchronized Media media() {
            if (upload != null) {
                return upload;
            }
            if (rendered == null) {
                rendered = Media.of(name, "image/png", png(image));
            }
            return rendered;
        }
    }

    static final int MAX_PDF_PAGES = 20;
    static final float PDF_DPI = 200;

    static {
        // WebP and other ImageIO plugins bundled with the plugin live in its class loader, not the one
        // ImageIO scanned when it was first used.
        ImageIO.scanForPlugins();
    }

    private ReceiptPages() {
    }

    static List<Page> pages(Media file) {
        if (file.size() == 0) {
            throw new BadInputException("files", file.name() + " is empty (0 bytes)");
        }
        byte[] bytes = file.bytes();
        if (isPdf(bytes)) {
            return pdfPages(file, bytes);
        }
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        if (type.startsWith("image/") || looksLikeImage(bytes)) {
            BufferedImage image;
            try {
                image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
            } catch (IOException | RuntimeException e) {
                throw new BadInputException("files", file.name() + " is not a readable image: " + e.getMessage(), e);
            }
            if (image == null) {
                if (looksLikeImage(bytes)) {
                    throw new BadInputException("files", file.name() + " is a corrupt or truncated image");
                }
                throw new UnsupportedMediaException(file.name() + " (" + file.mediaType()
                        + ") is not an image format this skill reads: JPEG, PNG, WebP, TIFF or PDF");
            }
            return List.of(Page.upload(file, image));
        }
        if (type.equals("application/pdf")) {
            throw new BadInputException("files", file.name() + " is not a valid PDF");
        }
        throw new UnsupportedMediaException(file.name() + " (" + file.mediaType()
                + ") is not a receipt format this skill reads: JPEG, PNG, WebP, TIFF or PDF");
    }

    private static List<Page> pdfPages(Media file, byte[] bytes) {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int count = pdf.getNumberOfPages();
            if (count == 0) {
                throw new BadInputException("files", file.name() + " has no pages");
            }
            if (count > MAX_PDF_PAGES) {
                throw new BadInputException("files", file.name() + " has " + count + " pages; at most "
                        + MAX_PDF_PAGES + " are read per file");
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            String stem = file.name().replaceFirst("\\.[^.]+$", "");
            List<Page> pages = new ArrayList<>();
            for (int p = 0; p < count; p++) {
                // The image is rendered even for a page read from its text layer: the annotated receipt shows it.
                BufferedImage image = renderer.renderImageWithDPI(p, PDF_DPI, ImageType.GRAY);
                pages.add(Page.rendered(p + 1, stem + "-page-" + (p + 1) + ".png", image, textLayer(pdf, p)));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new BadInputException("files", file.name() + " is password-protected; upload it without a password");
        } catch (IOException e) {
            throw new BadInputException("files", file.name() + " is a corrupt PDF: " + e.getMessage(), e);
        }
    }

    /** The page's usable text layer, or null: a page whose text PDFBox cannot extract is read by OCR, not refused. */
    private static OcrResult textLayer(PDDocument pdf, int page) {
        try {
            return PdfTextLayer.read(pdf, page, PDF_DPI);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                ImageIO.write(image, "png", stream);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPdf(byte[] b) {
        return b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F';
    }

    private static boolean looksLikeImage(byte[] b) {
        if (b.length < 4) {
            return false;
        }
        int b0 = b[0] & 0xff, b1 = b[1] & 0xff, b2 = b[2] & 0xff, b3 = b[3] & 0xff;
        return (b0 == 0xFF && b1 == 0xD8) // JPEG
                || (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G')
                || (b0 == 'I' && b1 == 'I' && b2 == 42) || (b0 == 'M' && b1 == 'M' && b3 == 42) // TIFF
                || (b0 == 'R' && b1 == 'I' && b2 == 'F' && b3 == 'F') // WebP
                || (b0 == 'G' && b1 == 'I' && b2 == 'F') || (b0 == 'B' && b1 == 'M');
    }
}
