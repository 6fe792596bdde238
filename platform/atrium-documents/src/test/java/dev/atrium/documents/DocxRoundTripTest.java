package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Section;
import dev.atrium.sdk.document.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

class DocxRoundTripTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    private final DocumentContent report = new DocumentContent("季度报告 Quarterly report", List.of(
            new Block.Heading(1, "Summary"),
            new Block.Paragraph("Revenue grew 12% over the quarter. 收入增长了百分之十二。"),
            new Block.BulletList(List.of("New customers: 42", "客户满意度提高")),
            new Block.Heading(2, "Regions"),
            new Block.TableBlock(new Table("Regions", List.of("Region", "Revenue"),
                    List.of(List.of("North", 1200L), List.of("华南", 980.5)))),
            new Block.Heading(3, "Notes"),
            new Block.Paragraph("First line\nsecond line")),
            "Confidential", "Atrium Corp");

    @Test
    void writtenDocumentReadsBackWithHeadingsBulletsAndTables() {
        Media docx = kit.writeDocx("report", report);

        assertThat(docx.name()).isEqualTo("report.docx");
        assertThat(docx.mediaType()).isEqualTo(OfficeDocumentKit.DOCX_TYPE);
        ExtractedDocument read = kit.read(docx);
        assertThat(read.sections()).extracting(Section::heading, Section::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("季度报告 Quarterly report", 1),
                org.assertj.core.groups.Tuple.tuple("Summary", 1),
                org.assertj.core.groups.Tuple.tuple("Regions", 2),
                org.assertj.core.groups.Tuple.tuple("Notes", 3));
        assertThat(read.sections().get(1).text())
                .contains("收入增长了百分之十二")
                .contains("- New customers: 42")
                .contains("- 客户满意度提高");
        assertThat(read.tables()).singleElement().satisfies(table -> {
            assertThat(table.headers()).containsExactly("Region", "Revenue");
            assertThat(table.rows()).containsExactly(List.of("North", "1200"), List.of("华南", "980.5"));
        });
        assertThat(read.text()).contains("Region | Revenue", "North | 1200", "First line\nsecond line");
        assertThat(read.pages()).isZero();
    }

    @Test
    void headingsUseWordHeadingStylesWithOutlineLevels() throws IOException {
        try (XWPFDocument document = open(kit.writeDocx("report.docx", report))) {
            XWPFParagraph heading = document.getParagraphs().stream()
                    .filter(p -> p.getText().equals("Regions")).findFirst().orElseThrow();

            assertThat(heading.getStyle()).isEqualTo("Heading2");
            var style = document.getStyles().getStyle("Heading2");
            assertThat(style.getName()).isEqualTo("heading 2");
            assertThat(style.getCTStyle().getPPr().getOutlineLvl().getVal().intValue()).isEqualTo(1);
            assertThat(document.getStyles().getStyle("Title")).isNotNull();
        }
    }

    @Test
    void bulletsAreRealNumberedListItems() throws IOException {
        try (XWPFDocument document = open(kit.writeDocx("report.docx", report))) {
            XWPFParagraph item = document.getParagraphs().stream()
                    .filter(p -> p.getText().equals("New customers: 42")).findFirst().orElseThrow();

            assertThat(item.getNumID()).isNotNull();
            assertThat(item.getNumFmt()).isEqualTo("bullet");
            assertThat(item.getText()).doesNotStartWith("•");
        }
    }

    @Test
    void tableHasShadedBoldRepeatingHeaderAndBorders() throws IOException {
        try (XWPFDocument document = open(kit.writeDocx("report.docx", report))) {
            XWPFTable table = document.getTables().get(0);

            assertThat(table.getRow(0).isRepeatHeader()).isTrue();
            assertThat(table.getRow(0).getCell(0).getColor()).isEqualTo("D9E2F3");
            assertThat(table.getRow(0).getCell(0).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
            assertThat(table.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideHBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
        }
    }

    @Test
    void headerAndFooterCarryTextAndPageNumberFields() throws IOException {
        try (XWPFDocument document = open(kit.writeDocx("report.docx", report))) {
            assertThat(document.getHeaderList()).singleElement()
                    .satisfies(header -> assertThat(header.getText()).contains("Confidential"));
            assertThat(document.getFooterList()).singleElement().satisfies(footer -> {
                assertThat(footer.getText()).contains("Atrium Corp");
                String xml = footer._getHdrFtr().xmlText();
                assertThat(xml).contains("PAGE").contains("NUMPAGES").contains("fldChar");
            });
        }
    }

    @Test
    void controlCharactersThatXmlForbidsAreDroppedSoTheFileStaysValid() {
        Media docx = kit.writeDocx("odd", new DocumentContent("Odd\u0001 title", List.of(
                new Block.Paragraph("bell\u0007 and null\u0000 chars")), "", ""));

        assertThat(kit.read(docx).text()).contains("Odd title", "bell and null chars");
    }

    private static XWPFDocument open(Media docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx.bytes()));
    }
}
