package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * PDFs built by the tests with PDFBox: digital pages whose rows are real text (as invoicing software exports
 * them), scanned pages that are only an image, and scans with a text layer over the image (a scanner's OCR,
 * invisible, or a few stray characters). Remembers where labelled texts were written, in the pixels of the
 * page rendered at {@link ReceiptPages#PDF_DPI}, so tests can check the boxes the skill reports.
 */
final class ReceiptPdfs {

    static final float FONT_SIZE = 11;
    static final float ROW = 18;
    static final float WIDTH = 300;
    static final String CJK_FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    private final PDDocument doc = new PDDocument();
    private final List<Map<String, Rectangle>> boxes = new ArrayList<>();
    private TrueTypeCollection cjkFonts;
    private PDFont cjk;

    /** Where each labelled row of each page (0-based) was written, in rendered pixels. */
    List<Map<String, Rectangle>> boxes() {
        return boxes;
    }

    /** A digital page: every row written in Helvetica, amounts right-aligned. */
    ReceiptPdfs text(List<ReceiptImages.Line> rows) {
        return text(rows, new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    }

    /** A digital page in a font with Chinese glyphs (WenQuanYi Zen Hei, embedded as a subset). */
    ReceiptPdfs chinese(List<ReceiptImages.Line> rows) {
        try {
            if (cjk == null) {
                cjkFonts = new TrueTypeCollection(new File(CJK_FONT_FILE));
                TrueTypeFont font = cjkFonts.getFontByName("WenQuanYiZenHei");
                cjk = PDType0Font.load(doc, font, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text(rows, cjk);
    }

    private ReceiptPdfs text(List<ReceiptImages.Line> rows, PDFont font) {
        float height = 40 + rows.size() * ROW + 30;
        PDPage page = new PDPage(new PDRectangle(WIDTH, height));
        doc.addPage(page);
        Map<String, Rectangle> labelled = new LinkedHashMap<>();
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            float fromTop = 40;
            for (ReceiptImages.Line row : rows) {
                Rectangle box = write(content, font, row.left(), 16, height - fromTop);
                if (row.right() != null) {
                    float w = font.getStringWidth(row.right()) / 1000 * FONT_SIZE;
                    box = write(content, font, row.right(), WIDTH - 16 - w, height - fromTop);
                }
                if (row.label() != null) {
                    labelled.put(row.label(), box);
                }
                fromTop += ROW;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boxes.add(labelled);
        return this;
    }

    /** The text's box in pixels of the rendered page: baseline at {@code y} points from the page's bottom. */
    private Rectangle write(PDPageContentStream content, PDFont font, String text, float x, float y) throws IOException {
        content.beginText();
        content.setFont(font, FONT_SIZE);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
        float scale = ReceiptPages.PDF_DPI / 72;
        float pageHeight = doc.getPage(doc.getNumberOfPages() - 1).getMediaBox().getHeight();
        float w = font.getStringWidth(text) / 1000 * FONT_SIZE;
        return new Rectangle(Math.round(x * scale), Math.round((pageHeight - y - 0.7f * FONT_SIZE) * scale),
                Math.round(w * scale), Math.round(0.7f * FONT_SIZE * scale));
    }

    /** A scanned page: only the image, at 150 dpi. */
    ReceiptPdfs scan(BufferedImage image) {
        return scan(image, null, List.of());
    }

    /**
     * A scanned page with a text layer over the image: {@code stray} written visibly at the top (a scanner's
     * page counter, a stamp), and {@code hidden} rows written invisibly where the drawn receipt has them, as a
     * scanner's OCR lays its text over the scan ({@link ReceiptImages#draw}'s layout).
     */
    ReceiptPdfs scan(BufferedImage image, String stray, List<ReceiptImages.Line> hidden) {
        float w = image.getWidth() * 72f / 150;
        float h = image.getHeight() * 72f / 150;
        PDPage page = new PDPage(new PDRectangle(w, h));
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
            PDImageXObject xobject = LosslessFactory.createFromImage(doc, image);
            content.drawImage(xobject, 0, 0, w, h);
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            if (stray != null) {
                content.beginText();
                content.setFont(font, 6);
                content.newLineAtOffset(4, h - 8);
                content.showText(stray);
                content.endText();
            }
            float px = 72f / 150; // drawn pixels to points
            float size = 28 * px;
            float baseline = 80;
            for (ReceiptImages.Line row : hidden) {
                content.beginText();
                content.setRenderingMode(RenderingMode.NEITHER);
                content.setFont(font, size);
                content.newLineAtOffset(40 * px, h - baseline * px);
                content.showText(row.left());
                content.endText();
                if (row.right() != null) {
                    float rw = font.getStringWidth(row.right()) / 1000 * size;
                    content.beginText();
                    content.setRenderingMode(RenderingMode.NEITHER);
                    content.setFont(font, size);
                    content.newLineAtOffset(w - 40 * px - rw, h - baseline * px);
                    content.showText(row.right());
                    content.endText();
                }
                baseline += 46;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boxes.add(Map.of());
        return this;
    }

    Media build(String name) {
        try (doc) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            if (cjkFonts != null) {
                cjkFonts.close();
            }
            return Media.of(name, "application/pdf", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
