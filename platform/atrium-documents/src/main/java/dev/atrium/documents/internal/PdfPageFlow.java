package dev.atrium.documents.internal;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Flows blocks down A4 pages: keeps the vertical position, starts a new page when the next line does not fit,
 * and draws wrapped paragraphs, headings (kept with the lines after them) and bullet items. Remembers where
 * each heading landed, for the document outline.
 */
final class PdfPageFlow implements Closeable {

    /** A heading and where it was drawn. */
    record Mark(int level, String text, PDPage page, float y) {
    }

    static final PDRectangle PAGE = PDRectangle.A4;
    static final float MARGIN_X = 56;
    static final float TOP = PAGE.getHeight() - 72;
    static final float BOTTOM = 64;
    static final Color TEXT = new Color(0x20, 0x20, 0x20);
    static final Color HEADING = new Color(0x1F, 0x38, 0x64);

    private static final float BODY_SIZE = 10.5f;
    private static final float LINE_FACTOR = 1.5f;
    private static final float[] HEADING_SIZES = {17, 14, 12};
    private static final float BULLET_INDENT = 16;

    private final PDDocument document;
    private final PdfFonts fonts;
    private final List<Mark> marks = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream stream;
    private float y;

    PdfPageFlow(PDDocument document, PdfFonts fonts) throws IOException {
        this.document = document;
        this.fonts = fonts;
        newPage();
    }

    PdfFonts fonts() {
        return fonts;
    }

    PDPageContentStream stream() {
        return stream;
    }

    float y() {
        return y;
    }

    float left() {
        return MARGIN_X;
    }

    float width() {
        return PAGE.getWidth() - 2 * MARGIN_X;
    }

    List<Mark> marks() {
        return marks;
    }

    /** Whether nothing has been drawn on the current page yet. */
    boolean atTop() {
        return y >= TOP;
    }

    /** Space left above the bottom margin. */
    float remaining() {
        return y - BOTTOM;
    }

    /** Height of a full page's content area. */
    float pageHeight() {
        return TOP - BOTTOM;
    }

    void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = TOP;
    }

    /** Moves down; at the top of a page vertical space is dropped. */
    void space(float height) {
        if (!atTop()) {
            y -= height;
        }
    }

    /** Moves down by a height already drawn. */
    void advance(float height) {
        y -= height;
    }

    /** Starts a new page unless the height fits. */
    void ensure(float height) throws IOException {
        if (height > remaining() && !atTop()) {
            newPage();
        }
    }

    void title(String text) throws IOException {
        marks.add(new Mark(0, text, page, y));
        lines(fonts.printable(text), true, 22, 0, HEADING, null);
        space(10);
    }

    void heading(int level, String text) throws IOException {
        int index = Math.max(1, Math.min(3, level)) - 1;
        float size = HEADING_SIZES[index];
        space(size * 0.9f);
        // Keep the heading with at least two lines of what follows.
        ensure(size * LINE_FACTOR + 2 * BODY_SIZE * LINE_FACTOR);
        marks.add(new Mark(index + 1, text, page, y));
        lines(fonts.printable(text), true, size, 0, HEADING, null);
        space(size * 0.3f);
    }

    void paragraph(String text) throws IOException {
        lines(fonts.printable(text), false, BODY_SIZE, 0, TEXT, null);
        space(BODY_SIZE * 0.6f);
    }

    void bullets(List<String> items) throws IOException {
        // WenQuanYi Zen Hei has no U+2022; its black circle, drawn small, looks the same.
        String bullet = !fonts.printable("\u2022").equals("?") ? "\u2022"
                : !fonts.printable("\u25CF").equals("?") ? "\u25CF" : "-";
        for (String item : items) {
            lines(fonts.printable(item), false, BODY_SIZE, BULLET_INDENT, TEXT, bullet);
            space(BODY_SIZE * 0.2f);
        }
        space(BODY_SIZE * 0.5f);
    }

    /** Draws wrapped lines at an indent, breaking pages between lines; a marker goes left of the first line. */
    private void lines(String text, boolean bold, float size, float indent, Color color, String marker)
            throws IOException {
        float leading = size * LINE_FACTOR;
        boolean first = true;
        for (String line : LineBreaker.wrap(text, width() - indent, s -> fonts.width(s, bold, size))) {
            ensure(leading);
            float baseline = y - size;
            fonts.draw(stream, line, bold, size, MARGIN_X + indent, baseline, color);
            if (first && marker != null) {
                float markerSize = marker.equals("\u25CF") ? size * 0.5f : size;
                fonts.draw(stream, marker, false, markerSize, MARGIN_X + 4, baseline + (size - markerSize) * 0.3f,
                        color);
            }
            first = false;
            y -= leading;
        }
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
