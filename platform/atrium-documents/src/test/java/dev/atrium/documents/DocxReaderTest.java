package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Section;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

class DocxReaderTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void headingsComeFromLocalisedStyleNamesAndOutlineLevels() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument()) {
            // Chinese Word saves heading styles with ids like "1" but keeps the built-in name "heading 1".
            addStyle(document, "1", "heading 1", -1);
            addStyle(document, "a3", "Custom Chapter", 1);
            paragraph(document, "前言", null);
            paragraph(document, "第一章", "1");
            paragraph(document, "正文内容", null);
            paragraph(document, "第一节", "a3");
            XWPFParagraph direct = paragraph(document, "Direct level three", null);
            direct.getCTP().addNewPPr().addNewOutlineLvl().setVal(BigInteger.TWO);
            paragraph(document, "After", null);
            docx = save(document);
        }

        ExtractedDocument read = kit.read(Media.of("chapters.docx", null, docx));

        assertThat(read.sections()).extracting(Section::heading, Section::level, Section::text).containsExactly(
                tuple("", 0, "前言"),
                tuple("第一章", 1, "正文内容"),
                tuple("第一节", 2, ""),
                tuple("Direct level three", 3, "After"));
    }

    @Test
    void numberedListsCountAndTablesReadInOrder() throws IOException {
        byte[] docx;
        try (XWPFDocument document = new XWPFDocument()) {
            CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
            definition.setAbstractNumId(BigInteger.ZERO);
            CTLvl level = definition.addNewLvl();
            level.setIlvl(BigInteger.ZERO);
            level.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
            level.addNewLvlText().setVal("%1.");
            XWPFNumbering numbering = document.createNumbering();
            BigInteger numId = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition, numbering)));
            paragraph(document, "Steps:", null);
            for (String step : new String[] {"Open", "Edit", "Save"}) {
                paragraph(document, step, null).setNumID(numId);
            }
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Key");
            table.getRow(0).getCell(1).setText("Value");
            table.getRow(1).getCell(0).setText("a");
            table.getRow(1).getCell(1).setText("1");
            paragraph(document, "The end", null);
            docx = save(document);
        }

        ExtractedDocument read = kit.read(Media.of("steps.docx", null, docx));

        assertThat(read.text()).isEqualTo("Steps:\n1. Open\n2. Edit\n3. Save\nKey | Value\na | 1\nThe end");
        assertThat(read.tables()).singleElement().satisfies(table -> {
            assertThat(table.name()).isEqualTo("Table 1");
            assertThat(table.headers()).containsExactly("Key", "Value");
        });
    }

    private static void addStyle(XWPFDocument document, String id, String name, int outlineLevel) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal(name);
        if (outlineLevel >= 0) {
            style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(outlineLevel));
        }
        var styles = document.getStyles() == null ? document.createStyles() : document.getStyles();
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private static XWPFParagraph paragraph(XWPFDocument document, String text, String style) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.createRun().setText(text);
        if (style != null) {
            paragraph.setStyle(style);
        }
        return paragraph;
    }

    private static byte[] save(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }
}
