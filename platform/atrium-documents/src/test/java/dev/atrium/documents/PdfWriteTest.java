package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.PdfOptions;
import dev.atrium.sdk.document.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfWriteTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void chineseTextSurvivesInTheTextLayerWithAnEmbeddedFont() throws IOException {
        assumeTrue(Fixtures.cjkFontInstalled(), "needs the fonts-wqy-zenhei package");
        DocumentContent content = new DocumentContent("会议纪要", List.of(
                new Block.Heading(1, "讨论事项"),
                new Block.Paragraph("我们决定在第三季度推出新产品，预算为一百万元。Budget approved."),
                new Block.BulletList(List.of("市场调研", "产品设计"))), "内部资料", "");

        Media pdf = kit.writePdf("纪要.pdf", content, PdfOptions.DEFAULT);

        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
        String text = Fixtures.pdfText(pdf);
        assertThat(text).contains("会议纪要", "讨论事项", "我们决定在第三季度推出新产品", "Budget approved.", "市场调研",
                "内部资料");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("WenQuanYiZenHei");
        }
    }

    @Test
    void longParagraphsWrapAndFlowOntoNumberedPages() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            blocks.add(new Block.Heading(2, "Part " + i));
            blocks.add(new Block.Paragraph(("Sentence number " + i + " of a long paragraph that must wrap. ").repeat(8)));
        }
        Media pdf = kit.writePdf("long", new DocumentContent("Long", blocks, "", "Footer text"),
                new PdfOptions("", true));

        ExtractedDocument read = kit.read(pdf);
        assertThat(read.pages()).isGreaterThan(3);
        int pages = read.pages();
        assertThat(read.sections().get(0).text()).contains("1 / " + pages).contains("Footer text");
        assertThat(read.sections().get(pages - 1).text()).contains(pages + " / " + pages);
        assertThat(read.text()).contains("Part 40");
        // Wrapped: no extracted line is as long as the paragraph.
        assertThat(read.text().lines().mapToInt(String::length).max().orElseThrow()).isLessThan(140);
    }

    @Test
    void tablesSpanPagesRepeatingTheirHeaderRow() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            rows.add(List.of("Item " + i, (long) i * 10, "A description long enough to wrap inside its narrow cell"
                    + " at least once or twice"));
        }
        DocumentContent content = new DocumentContent("Inventory", List.of(
                new Block.TableBlock(new Table("Stock", List.of("Name", "Count", "Description"), rows))), "", "");

        ExtractedDocument read = kit.read(kit.writePdf("stock.pdf", content, PdfOptions.DEFAULT));

        assertThat(read.pages()).isGreaterThan(2);
        assertThat(read.sections()).allSatisfy(page -> assertThat(page.text()).contains("Name", "Count", "Description"));
        assertThat(read.text()).contains("Item 1 ", "Item 120");
    }

    @Test
    void watermarkIsDrawnOnEveryPage() {
        DocumentContent content = new DocumentContent("Draft", List.of(new Block.Paragraph("Body")), "", "");

        String text = Fixtures.pdfText(kit.writePdf("draft", content, new PdfOptions("CONFIDENTIAL", false)));

        // Extraction reads the diagonal text in slanted pieces.
        assertThat(text.replaceAll("\\s", "")).contains("CONFIDENTIAL");
        assertThat(text).doesNotContain("1 / 1");
    }

    @Test
    void headingsBecomeBookmarks() throws IOException {
        DocumentContent content = new DocumentContent("Guide", List.of(new Block.Heading(1, "Install"),
                new Block.Heading(2, "Linux"), new Block.Heading(1, "Use")), "", "");

        try (PDDocument document = Loader.loadPDF(kit.writePdf("guide", content, PdfOptions.DEFAULT).bytes())) {
            var title = document.getDocumentCatalog().getDocumentOutline().getFirstChild();
            assertThat(title.getTitle()).isEqualTo("Guide");
            assertThat(title.getFirstChild().getTitle()).isEqualTo("Install");
            assertThat(title.getFirstChild().getFirstChild().getTitle()).isEqualTo("Linux");
            assertThat(title.getLastChild().getTitle()).isEqualTo("Use");
        }
    }

    @Test
    void withoutACjkFontLatinTextIsWrittenButChineseIsRefused() throws IOException {
        OfficeDocumentKit latinOnly = new OfficeDocumentKit(DocumentLimits.DEFAULTS, null, List.of(), Optional.empty());

        Media pdf = latinOnly.writePdf("plain", new DocumentContent("Plain", List.of(
                new Block.Paragraph("Caf\u00e9 \u2013 fine")), "", ""), PdfOptions.DEFAULT);
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Café – fine");
        }
        assertThatThrownBy(() -> latinOnly.writePdf("zh", new DocumentContent("标题", List.of(), "", ""),
                PdfOptions.DEFAULT))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("fonts-wqy-zenhei");
    }
}
