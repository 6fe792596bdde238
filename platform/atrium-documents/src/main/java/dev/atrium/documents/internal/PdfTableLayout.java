package dev.atrium.documents.internal;

import dev.atrium.sdk.document.Table;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

/**
 * Draws a table across the page width: column widths from the content, wrapping cells, a bold shaded header
 * row repeated on every page the table spans, and rows split across pages only when taller than a page.
 */
final class PdfTableLayout {

    private static final float SIZE = 9.5f;
    private static final float LEADING = SIZE * 1.35f;
    private static final float PAD = 4;
    private static final float MIN_COLUMN = 28;
    private static final int WIDTH_SAMPLE_ROWS = 300;
    private static final Color HEADER_FILL = new Color(0xD9, 0xE2, 0xF3);
    private static final Color BORDER = new Color(0x8E, 0xAA, 0xDB);

    private final PdfPageFlow flow;
    private final PdfFonts fonts;

    PdfTableLayout(PdfPageFlow flow) {
        this.flow = flow;
        this.fonts = flow.fonts();
    }

    void draw(Table table) throws IOException {
        int columns = Math.max(table.headers().size(), table.rows().stream().mapToInt(List::size).max().orElse(0));
        if (columns == 0) {
            return;
        }
        List<String> headers = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            headers.add(fonts.printable(c < table.headers().size() ? table.headers().get(c) : ""));
        }
        List<List<String>> rows = new ArrayList<>();
        List<boolean[]> numeric = new ArrayList<>();
        for (List<Object> values : table.rows()) {
            List<String> row = new ArrayList<>();
            boolean[] numbers = new boolean[columns];
            for (int c = 0; c < columns; c++) {
                Object value = c < values.size() ? values.get(c) : null;
                row.add(fonts.printable(CellText.of(value)));
                numbers[c] = value instanceof Number;
            }
            rows.add(row);
            numeric.add(numbers);
        }
        float[] widths = columnWidths(headers, rows, columns);
        List<List<String>> headerLines = wrap(headers, widths, true);
        float headerHeight = height(headerLines, 0);

        flow.space(4);
        if (rows.isEmpty()) {
            flow.ensure(headerHeight);
        } else {
            flow.ensure(headerHeight + height(wrap(rows.get(0), widths, false), 0));
        }
        drawRow(headerLines, widths, null, true, 0, lineCount(headerLines));
        int rowsOnPage = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> cellLines = wrap(rows.get(r), widths, false);
            int total = lineCount(cellLines);
            int drawn = 0;
            boolean freshPage = false;
            while (drawn < total) {
                float needed = (total - drawn) * LEADING + 2 * PAD;
                if (needed <= flow.remaining()) {
                    drawRow(cellLines, widths, numeric.get(r), false, drawn, total);
                    drawn = total;
                    rowsOnPage++;
                    continue;
                }
                // Only a row taller than a whole page is split; any other moves to the next page whole.
                if (rowsOnPage == 0 || needed > flow.pageHeight() - headerHeight) {
                    int fit = (int) Math.floor((flow.remaining() - 2 * PAD) / LEADING);
                    if (freshPage) {
                        // Under a header as tall as the page: draw a line anyway rather than loop for ever.
                        fit = Math.max(fit, 1);
                    }
                    if (fit >= 1) {
                        drawRow(cellLines, widths, numeric.get(r), false, drawn, drawn + fit);
                        drawn += fit;
                    }
                }
                flow.newPage();
                drawRow(headerLines, widths, null, true, 0, lineCount(headerLines));
                rowsOnPage = 0;
                freshPage = true;
            }
        }
        flow.space(10);
    }

    /** Draws lines {@code from} to {@code to} of every cell of a row as one band, then moves below it. */
    private void drawRow(List<List<String>> cellLines, float[] widths, boolean[] numeric, boolean header, int from,
                         int to) throws IOException {
        float height = (to - from) * LEADING + 2 * PAD;
        float top = flow.y();
        PDPageContentStream stream = flow.stream();
        float x = flow.left();
        if (header) {
            stream.setNonStrokingColor(HEADER_FILL);
            stream.addRect(x, top - height, sum(widths), height);
            stream.fill();
        }
        stream.setStrokingColor(BORDER);
        stream.setLineWidth(0.6f);
        for (int c = 0; c < widths.length; c++) {
            stream.addRect(x, top - height, widths[c], height);
            stream.stroke();
            List<String> lines = cellLines.get(c);
            for (int i = from; i < Math.min(to, lines.size()); i++) {
                String line = lines.get(i);
                float baseline = top - PAD - (i - from) * LEADING - SIZE;
                float textX = x + PAD;
                if (numeric != null && numeric[c]) {
                    textX = x + widths[c] - PAD - fonts.width(line, false, SIZE);
                }
                fonts.draw(stream, line, header, SIZE, textX, baseline, PdfPageFlow.TEXT);
            }
            x += widths[c];
        }
        flow.advance(height);
    }

    /**
     * Widths that fill the page, much like a browser's automatic table layout: a column whose longest line
     * fits in an equal share gets that line's width; the wider columns share what is left in proportion to
     * their longest lines, never below their longest word.
     */
    private float[] columnWidths(List<String> headers, List<List<String>> rows, int columns) {
        float total = flow.width();
        float[] want = new float[columns];
        float[] need = new float[columns];
        for (int c = 0; c < columns; c++) {
            measure(headers.get(c), true, c, want, need);
        }
        for (int r = 0; r < Math.min(rows.size(), WIDTH_SAMPLE_ROWS); r++) {
            for (int c = 0; c < columns; c++) {
                measure(rows.get(r).get(c), false, c, want, need);
            }
        }
        float wantSum = 0;
        for (int c = 0; c < columns; c++) {
            // One point of slack keeps a word that fits exactly from wrapping on rounding.
            need[c] = Math.min(Math.max(need[c] + 2 * PAD + 1, MIN_COLUMN), total / columns);
            want[c] = Math.max(Math.min(want[c] + 2 * PAD + 1, total), need[c]);
            wantSum += want[c];
        }
        float[] widths = new float[columns];
        if (wantSum <= total) {
            for (int c = 0; c < columns; c++) {
                widths[c] = want[c] * total / wantSum;
            }
            return widths;
        }
        float share = total / columns;
        float left = total;
        float wideWant = 0;
        for (int c = 0; c < columns; c++) {
            if (want[c] <= share) {
                widths[c] = want[c];
                left -= want[c];
            } else {
                wideWant += want[c];
            }
        }
        for (int c = 0; c < columns; c++) {
            if (want[c] > share) {
                widths[c] = Math.max(need[c], want[c] * left / wideWant);
            }
        }
        // Minimum widths may have pushed the sum over the page; scale back to fit.
        float sum = sum(widths);
        for (int c = 0; c < columns; c++) {
            widths[c] = widths[c] * total / sum;
        }
        return widths;
    }

    private void measure(String text, boolean bold, int column, float[] want, float[] need) {
        for (String line : text.split("\n")) {
            want[column] = Math.max(want[column], fonts.width(line, bold, SIZE));
            for (String word : line.split("\\s+")) {
                // A CJK run can break anywhere, so only its first character is a hard minimum.
                String unit = word.isEmpty() || word.codePointAt(0) < 0x2E80 ? word
                        : new String(Character.toChars(word.codePointAt(0)));
                need[column] = Math.max(need[column], fonts.width(unit, bold, SIZE));
            }
        }
    }

    private List<List<String>> wrap(List<String> cells, float[] widths, boolean bold) {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < widths.length; c++) {
            lines.add(LineBreaker.wrap(cells.get(c), widths[c] - 2 * PAD, s -> fonts.width(s, bold, SIZE)));
        }
        return lines;
    }

    private static int lineCount(List<List<String>> cellLines) {
        return Math.max(1, cellLines.stream().mapToInt(List::size).max().orElse(1));
    }

    private static float height(List<List<String>> cellLines, int from) {
        return (lineCount(cellLines) - from) * LEADING + 2 * PAD;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }
}
