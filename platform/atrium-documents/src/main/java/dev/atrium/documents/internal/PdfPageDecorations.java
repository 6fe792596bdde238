package dev.atrium.documents.internal;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;

/**
 * What every page carries once the body is laid out and the page count is known: the header text with a rule
 * under it, the footer text, the page number as "n / N", and an optional diagonal watermark drawn under the
 * body so it never hides text.
 */
final class PdfPageDecorations {

    private static final float SIZE = 8.5f;
    private static final Color MUTED = new Color(0x7F, 0x7F, 0x7F);
    private static final Color WATERMARK = new Color(0xC8, 0xC8, 0xC8);
    private static final float WATERMARK_SIZE = 64;

    private final PdfFonts fonts;
    private final String header;
    private final String footer;
    private final String watermark;
    private final boolean pageNumbers;

    PdfPageDecorations(PdfFonts fonts, String header, String footer, String watermark, boolean pageNumbers) {
        this.fonts = fonts;
        this.header = fonts.printable(header.replace('\n', ' ').strip());
        this.footer = fonts.printable(footer.replace('\n', ' ').strip());
        this.watermark = fonts.printable(watermark.replace('\n', ' ').strip());
        this.pageNumbers = pageNumbers;
    }

    void apply(PDDocument document) throws IOException {
        int count = document.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage page = document.getPage(i);
            if (!watermark.isEmpty()) {
                try (PDPageContentStream under = new PDPageContentStream(document, page, AppendMode.PREPEND, true,
                        true)) {
                    watermark(under, page.getMediaBox());
                }
            }
            try (PDPageContentStream over = new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
                headerAndFooter(over, page.getMediaBox(), i + 1, count);
            }
        }
    }

    private void headerAndFooter(PDPageContentStream stream, PDRectangle box, int number, int count)
            throws IOException {
        float left = PdfPageFlow.MARGIN_X;
        float right = box.getWidth() - PdfPageFlow.MARGIN_X;
        float width = right - left;
        if (!header.isEmpty()) {
            float baseline = box.getHeight() - 44;
            fonts.draw(stream, fit(header, width), false, SIZE, left, baseline, MUTED);
            stream.setStrokingColor(MUTED);
            stream.setLineWidth(0.4f);
            stream.moveTo(left, baseline - 5);
            stream.lineTo(right, baseline - 5);
            stream.stroke();
        }
        String pageText = pageNumbers ? number + " / " + count : "";
        float pageWidth = fonts.width(pageText, false, SIZE);
        float baseline = 34;
        if (!footer.isEmpty()) {
            fonts.draw(stream, fit(footer, width - pageWidth - 16), false, SIZE, left, baseline, MUTED);
            if (!pageText.isEmpty()) {
                fonts.draw(stream, pageText, false, SIZE, right - pageWidth, baseline, MUTED);
            }
        } else if (!pageText.isEmpty()) {
            fonts.draw(stream, pageText, false, SIZE, (box.getWidth() - pageWidth) / 2, baseline, MUTED);
        }
    }

    private void watermark(PDPageContentStream stream, PDRectangle box) throws IOException {
        float size = WATERMARK_SIZE;
        float diagonal = (float) Math.hypot(box.getWidth(), box.getHeight()) * 0.8f;
        float width = fonts.width(watermark, true, size);
        if (width > diagonal) {
            size = size * diagonal / width;
            width = diagonal;
        }
        double angle = Math.atan2(box.getHeight(), box.getWidth());
        float cos = (float) Math.cos(angle);
        float sin = (float) Math.sin(angle);
        // Centre the text on the page: start half its width back along the diagonal, half its height below.
        float x = box.getWidth() / 2 - width / 2 * cos + size * 0.35f * sin;
        float y = box.getHeight() / 2 - width / 2 * sin - size * 0.35f * cos;
        PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
        translucent.setNonStrokingAlphaConstant(0.45f);
        translucent.setStrokingAlphaConstant(0.45f);
        stream.saveGraphicsState();
        stream.setGraphicsStateParameters(translucent);
        stream.beginText();
        stream.setFont(fonts.regularFont(), size);
        stream.setNonStrokingColor(WATERMARK);
        stream.setTextMatrix(new Matrix(cos, sin, -sin, cos, x, y));
        stream.showText(watermark);
        stream.endText();
        stream.restoreGraphicsState();
    }

    /** The text cut with an ellipsis to fit the width. */
    private String fit(String text, float width) {
        if (fonts.width(text, false, SIZE) <= width) {
            return text;
        }
        String ellipsis = fonts.printable("\u2026").equals("?") ? "..." : "\u2026";
        int end = text.length();
        while (end > 0 && fonts.width(text.substring(0, end) + ellipsis, false, SIZE) > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + ellipsis;
    }
}
