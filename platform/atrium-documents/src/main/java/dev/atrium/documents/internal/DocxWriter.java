package dev.atrium.documents.internal;

import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * Writes {@link DocumentContent} as an A4 Word document: a Title paragraph, headings in Word's heading styles,
 * real bulleted lists, bordered tables with a shaded bold header row that repeats on every page, and a header
 * and footer with "page / pages" numbers.
 */
public final class DocxWriter {

    private static final String HEADER_FILL = "D9E2F3";
    private static final String BORDER_COLOR = "8EAADB";
    private static final String MUTED_COLOR = "7F7F7F";
    private static final int A4_WIDTH_TWIPS = 11906;
    private static final int A4_HEIGHT_TWIPS = 16838;
    private static final int MARGIN_TWIPS = 1134;

    /** The document as DOCX bytes. */
    public byte[] write(DocumentContent content) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            DocxStyles.install(document);
            pageSetup(document);
            BigInteger bullets = null;
            if (!content.title().isBlank()) {
                XWPFParagraph title = document.createParagraph();
                title.setStyle(DocxStyles.TITLE);
                text(title.createRun(), content.title());
                document.getProperties().getCoreProperties().setTitle(XmlText.clean(content.title()));
            }
            for (Block block : content.blocks()) {
                if (block instanceof Block.Heading heading) {
                    XWPFParagraph paragraph = document.createParagraph();
                    paragraph.setStyle(DocxStyles.HEADINGS[Math.max(1, Math.min(3, heading.level())) - 1]);
                    text(paragraph.createRun(), heading.text());
                } else if (block instanceof Block.Paragraph paragraph) {
                    text(document.createParagraph().createRun(), paragraph.text());
                } else if (block instanceof Block.BulletList list) {
                    if (bullets == null) {
                        bullets = DocxStyles.bulletNumbering(document);
                    }
                    for (String item : list.items()) {
                        XWPFParagraph paragraph = document.createParagraph();
                        paragraph.setStyle(DocxStyles.LIST);
                        paragraph.setNumID(bullets);
                        paragraph.setNumILvl(BigInteger.ZERO);
                        text(paragraph.createRun(), item);
                    }
                } else if (block instanceof Block.TableBlock table) {
                    table(document, table.table());
                    // Word glues consecutive tables together; an empty paragraph keeps them apart.
                    document.createParagraph();
                }
            }
            headerAndFooter(document, content);
            document.getProperties().getCoreProperties().setCreator("Atrium");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private static void pageSetup(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().isSetSectPr()
                ? document.getDocument().getBody().getSectPr()
                : document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_WIDTH_TWIPS));
        size.setH(BigInteger.valueOf(A4_HEIGHT_TWIPS));
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN_TWIPS);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        margins.setHeader(BigInteger.valueOf(567));
        margins.setFooter(BigInteger.valueOf(567));
        margins.setGutter(BigInteger.ZERO);
    }

    private static void table(XWPFDocument document, Table table) {
        int columns = Math.max(1, Math.max(table.headers().size(),
                table.rows().stream().mapToInt(List::size).max().orElse(0)));
        XWPFTable grid = document.createTable(1 + table.rows().size(), columns);
        grid.setWidth("100%");
        grid.setCellMargins(60, 100, 60, 100);
        grid.setTopBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        grid.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        grid.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        grid.setRightBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        grid.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        grid.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, BORDER_COLOR);
        XWPFTableRow header = grid.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setColor(HEADER_FILL);
            XWPFRun run = firstParagraph(cell).createRun();
            run.setBold(true);
            text(run, c < table.headers().size() ? table.headers().get(c) : "");
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> values = table.rows().get(r);
            XWPFTableRow row = grid.getRow(r + 1);
            for (int c = 0; c < columns; c++) {
                Object value = c < values.size() ? values.get(c) : null;
                XWPFParagraph paragraph = firstParagraph(row.getCell(c));
                if (value instanceof Number) {
                    paragraph.setAlignment(ParagraphAlignment.RIGHT);
                }
                text(paragraph.createRun(), CellText.of(value));
            }
        }
    }

    private static XWPFParagraph firstParagraph(XWPFTableCell cell) {
        XWPFParagraph paragraph = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
        paragraph.setSpacingAfter(0);
        return paragraph;
    }

    private static void headerAndFooter(XWPFDocument document, DocumentContent content) {
        if (!content.header().isBlank()) {
            XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
            XWPFParagraph paragraph = header.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.RIGHT);
            XWPFRun run = paragraph.createRun();
            muted(run);
            text(run, content.header());
        }
        XWPFFooter footer = document.createFooter(HeaderFooterType.DEFAULT);
        if (!content.footer().isBlank()) {
            XWPFParagraph paragraph = footer.createParagraph();
            paragraph.setAlignment(ParagraphAlignment.CENTER);
            paragraph.setSpacingAfter(0);
            XWPFRun run = paragraph.createRun();
            muted(run);
            text(run, content.footer());
        }
        XWPFParagraph numbers = footer.createParagraph();
        numbers.setAlignment(ParagraphAlignment.CENTER);
        numbers.setSpacingAfter(0);
        field(numbers, "PAGE");
        muted(numbers.createRun()).setText(" / ");
        field(numbers, "NUMPAGES");
    }

    /** A Word field (page number, page count) that Word fills in when it lays the page out. */
    private static void field(XWPFParagraph paragraph, String instruction) {
        muted(paragraph.createRun()).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        CTText code = muted(paragraph.createRun()).getCTR().addNewInstrText();
        code.setStringValue(" " + instruction + " ");
        code.setSpace(SpaceAttribute.Space.PRESERVE);
        muted(paragraph.createRun()).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        muted(paragraph.createRun()).setText("1");
        muted(paragraph.createRun()).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private static XWPFRun muted(XWPFRun run) {
        run.setFontSize(9);
        run.setColor(MUTED_COLOR);
        return run;
    }

    /** Sets run text; line breaks in the text become line breaks in Word. */
    private static void text(XWPFRun run, String text) {
        String[] lines = XmlText.clean(text).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
    }
}
