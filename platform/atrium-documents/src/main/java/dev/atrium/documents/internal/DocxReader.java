package dev.atrium.documents.internal;

import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrBase;

/**
 * Reads a Word document body in order: headings (from heading styles, outline levels or the Title style) start
 * sections; list items read as {@code - item} or {@code 1. item}; tables become {@link Table}s and
 * {@code a | b} lines. Page headers, footers, footnotes and comments are not read.
 */
public final class DocxReader {

    private static final Pattern HEADING_NAME = Pattern.compile("heading\\s*([1-9])");
    private static final int BODY_TEXT_OUTLINE_LEVEL = 9;
    private static final int MAX_STYLE_DEPTH = 10;

    /** Extracts the body. */
    public ExtractedDocument read(byte[] content, ReadBudget budget) throws IOException {
        OoxmlGuards.apply();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            SectionBuilder out = new SectionBuilder(budget);
            ListNumbers numbers = new ListNumbers();
            int tableCount = 0;
            for (IBodyElement element : document.getBodyElements()) {
                budget.checkTime();
                if (element instanceof XWPFParagraph paragraph) {
                    paragraph(paragraph, document.getStyles(), numbers, out);
                } else if (element instanceof XWPFTable table) {
                    Table read = table(table, "Table " + ++tableCount);
                    out.table(read);
                    out.block(CellText.of(read));
                } else if (element instanceof XWPFSDT control) {
                    out.block(control.getContent().getText().strip());
                }
            }
            return out.build(0);
        }
    }

    private static void paragraph(XWPFParagraph paragraph, XWPFStyles styles, ListNumbers numbers,
                                  SectionBuilder out) {
        String text = paragraph.getText().strip();
        if (text.isEmpty()) {
            return;
        }
        int level = headingLevel(paragraph, styles);
        if (level > 0) {
            out.heading(level, text);
            return;
        }
        BigInteger numId = paragraph.getNumID();
        if (numId != null) {
            int indent = paragraph.getNumIlvl() == null ? 0 : Math.min(paragraph.getNumIlvl().intValue(), 8);
            String format = numberFormat(paragraph, indent);
            String marker = format == null || "bullet".equals(format) || "none".equals(format)
                    ? "-" : numbers.next(numId, indent) + ".";
            out.block("  ".repeat(indent) + marker + " " + text);
            return;
        }
        out.block(text);
    }

    /** The list's number format ("bullet", "decimal", …); a missing level means level 0, which POI does not do. */
    private static String numberFormat(XWPFParagraph paragraph, int level) {
        String format = paragraph.getNumFmt();
        if (format != null) {
            return format;
        }
        XWPFNumbering numbering = paragraph.getDocument().getNumbering();
        XWPFNum num = numbering == null ? null : numbering.getNum(paragraph.getNumID());
        if (num == null || num.getCTNum().getAbstractNumId() == null) {
            return null;
        }
        XWPFAbstractNum definition = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
        if (definition == null) {
            return null;
        }
        for (CTLvl lvl : definition.getAbstractNum().getLvlArray()) {
            if (lvl.getIlvl() != null && lvl.getIlvl().intValue() == level && lvl.getNumFmt() != null) {
                return lvl.getNumFmt().getVal().toString();
            }
        }
        return null;
    }

    /** 1-9 for a heading, 0 for body text. */
    static int headingLevel(XWPFParagraph paragraph, XWPFStyles styles) {
        int direct = outlineLevel(paragraph.getCTP().getPPr());
        if (direct >= 0) {
            return direct;
        }
        String styleId = paragraph.getStyle();
        for (int depth = 0; styleId != null && depth < MAX_STYLE_DEPTH; depth++) {
            XWPFStyle style = styles == null ? null : styles.getStyle(styleId);
            String name = style == null || style.getName() == null ? styleId : style.getName();
            String lower = name.toLowerCase(Locale.ROOT);
            Matcher heading = HEADING_NAME.matcher(lower);
            if (heading.matches()) {
                return Integer.parseInt(heading.group(1));
            }
            if (lower.equals("title")) {
                return 1;
            }
            if (style == null) {
                return 0;
            }
            int fromStyle = outlineLevel(style.getCTStyle().getPPr());
            if (fromStyle >= 0) {
                return fromStyle;
            }
            styleId = style.getBasisStyleID();
        }
        return 0;
    }

    /** The heading level an outline level gives (1-9), 0 for explicit body text, -1 when not set. */
    private static int outlineLevel(CTPPrBase properties) {
        if (properties == null || !properties.isSetOutlineLvl() || properties.getOutlineLvl().getVal() == null) {
            return -1;
        }
        int level = properties.getOutlineLvl().getVal().intValue();
        return level >= 0 && level < BODY_TEXT_OUTLINE_LEVEL ? level + 1 : 0;
    }

    private static Table table(XWPFTable table, String name) {
        List<String> headers = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (XWPFTableRow row : table.getRows()) {
            List<Object> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText().replaceAll("\\s*\\R\\s*", " ").strip());
            }
            if (headers.isEmpty() && rows.isEmpty()) {
                cells.forEach(cell -> headers.add((String) cell));
            } else {
                rows.add(cells);
            }
        }
        return new Table(name, headers, rows);
    }

    /**
     * Running numbers of numbered lists, per list and level, restarting deeper levels when a level moves on. Word
     * continues a list by its id across other paragraphs, so counters are kept for the whole document.
     */
    private static final class ListNumbers {

        private final Map<BigInteger, int[]> counters = new HashMap<>();

        int next(BigInteger numId, int level) {
            int[] levels = counters.computeIfAbsent(numId, id -> new int[9]);
            levels[level]++;
            for (int deeper = level + 1; deeper < levels.length; deeper++) {
                levels[deeper] = 0;
            }
            return levels[level];
        }
    }
}
