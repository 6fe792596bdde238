package dev.atrium.plugins.office;

import static dev.atrium.plugins.office.ExpensesSkillTest.amount;
import static dev.atrium.plugins.office.ExpensesSkillTest.assertBoxCovers;
import static dev.atrium.plugins.office.ExpensesSkillTest.box;
import static dev.atrium.plugins.office.ExpensesSkillTest.receipts;
import static dev.atrium.plugins.office.ExpensesSkillTest.value;
import static dev.atrium.plugins.office.ReceiptImages.labelled;
import static dev.atrium.plugins.office.ReceiptImages.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/**
 * Digital PDFs read from their text layer, without OCR: the OCR of these runs is scripted to answer nonsense,
 * and the tests check it was never asked.
 */
class PdfTextLayerTest {

    static FakeModelGateway models() {
        return new FakeModelGateway().onOcr("NOTHING 0.00").engine(Capability.OCR, Engine.embedded("tesseract-5"));
    }

    static SkillHarness harness(FakeModelGateway models) {
        return SkillHarness.of(new ExpensesSkill()).models(models).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> receipt) {
        return (List<Map<String, Object>>) receipt.get("lineItems");
    }

    @SuppressWarnings("unchecked")
    static Object page(Map<String, Object> receipt, String field) {
        return ((Map<String, Object>) receipt.get(field)).get("page");
    }

    static List<ReceiptImages.Line> invoiceFirstPage() {
        return List.of(
                labelled("vendor", "NORTHWIND OFFICE SUPPLY LTD", null),
                row("400 Market Street, Springfield"),
                labelled("date", "Invoice date: 2026-11-12", null),
                row("Invoice No: INV-2041"),
                row("Printer paper A4 5 x 6.00", "30.00"),
                row("Stapler", "12.50"),
                row("Ballpoint pens 10 x 1.20", "12.00"));
    }

    static List<ReceiptImages.Line> invoiceLastPage() {
        return List.of(
                row("Desk lamp", "45.00"),
                row("Toner cartridge", "60.50"),
                labelled("subtotal", "Subtotal", "160.00"),
                labelled("tax", "Sales Tax 8%", "12.80"),
                labelled("total", "TOTAL", "$172.80"),
                row("Paid by VISA ****1881"));
    }

    @Test
    void digitalPdfIsReadFromItsTextLayerWithoutOcr() {
        ReceiptPdfs pdf = new ReceiptPdfs().text(ReceiptImages.englishRows());
        FakeModelGateway models = models();
        SkillRun run = harness(models).file("files", pdf.build("cafe.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.requests(FakeModelGateway.Operation.OCR)).as("sent to OCR").isEmpty();
        assertThat(run.resultMap()).containsEntry("engine", "embedded+pdf-text");
        Map<String, Object> r = receipts(run).get(0);
        assertThat(r).containsEntry("engine", "embedded+pdf-text").containsEntry("page", 1);
        ExpensesSkillTest.assertCafeFields(r);
        // Exact characters: the reader's certainty alone, no OCR doubt.
        assertThat((Double) ((Map<?, ?>) r.get("total")).get("confidence")).isGreaterThanOrEqualTo(0.9);
        assertBoxCovers(box(r, "total"), pdf.boxes().get(0).get("total"));
        assertBoxCovers(box(r, "vendor"), pdf.boxes().get(0).get("vendor"));
        assertBoxCovers(box(r, "tax"), pdf.boxes().get(0).get("tax"));
        assertThat(items(r)).hasSize(2);
        assertThat(value(items(r).get(0), "description")).isEqualTo("Cappuccino");
        assertThat(amount(items(r).get(0), "quantity")).isEqualByComparingTo("2");
        assertThat(amount(items(r).get(0), "unitPrice")).isEqualByComparingTo("4.50");
        assertThat(amount(items(r).get(0), "amount")).isEqualByComparingTo("9.00");
        assertThat(value(items(r).get(1), "description")).isEqualTo("Club Sandwich");
        assertThat(amount(items(r).get(1), "amount")).isEqualByComparingTo("12.50");
        assertThat((List<Map<String, Object>>) r.get("checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "arithmetic").containsEntry("status", "passed"));
        assertThat(run.artifacts()).extracting(m -> m.name()).contains("expense-report.xlsx", "receipt-1.png");
    }

    @Test
    void digitalPdfNeedsNoOcrAtAll() {
        FakeModelGateway models = new FakeModelGateway(); // OCR unavailable
        SkillRun run = harness(models).file("files", new ReceiptPdfs().text(ReceiptImages.englishRows())
                .build("cafe.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(amount(receipts(run).get(0), "total")).isEqualByComparingTo("26.22");
    }

    @Test
    void invoiceOverTwoPagesIsOneReceiptWithItsTotalFromPageTwo() throws Exception {
        ReceiptPdfs pdf = new ReceiptPdfs().text(invoiceFirstPage()).text(invoiceLastPage());
        FakeModelGateway models = models();
        SkillRun run = harness(models).file("files", pdf.build("invoice.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.requests(FakeModelGateway.Operation.OCR)).isEmpty();
        List<Map<String, Object>> receipts = receipts(run);
        assertThat(receipts).hasSize(1);
        Map<String, Object> r = receipts.get(0);
        assertThat(r).containsEntry("page", 1).containsEntry("pages", List.of(1, 2));
        assertThat(value(r, "vendor")).isEqualTo("NORTHWIND OFFICE SUPPLY LTD");
        assertThat(page(r, "vendor")).isEqualTo(1);
        assertThat(value(r, "date")).isEqualTo("2026-11-12");
        assertThat(page(r, "date")).isEqualTo(1);
        assertThat(value(r, "invoiceNumber")).isEqualTo("INV-2041");
        assertThat(amount(r, "total")).isEqualByComparingTo("172.80");
        assertThat(page(r, "total")).isEqualTo(2);
        assertBoxCovers(box(r, "total"), pdf.boxes().get(1).get("total"));
        assertThat(amount(r, "subtotal")).isEqualByComparingTo("160.00");
        assertThat(amount(r, "tax")).isEqualByComparingTo("12.80");
        assertThat(page(r, "tax")).isEqualTo(2);
        assertThat(value(r, "paymentMethod")).isEqualTo("VISA ****1881");
        assertThat(value(r, "category")).isEqualTo("office supplies");
        assertThat(items(r)).extracting(i -> value(i, "description"))
                .containsExactly("Printer paper A4", "Stapler", "Ballpoint pens", "Desk lamp", "Toner cartridge");
        assertThat(items(r)).extracting(i -> page(i, "amount")).containsExactly(1, 1, 1, 2, 2);
        assertThat((List<Map<String, Object>>) r.get("checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "arithmetic").containsEntry("status", "passed"));
        // One annotated image for the receipt, its two pages one under the other.
        assertThat(run.artifacts()).extracting(m -> m.name()).contains("receipt-1.png").doesNotContain("receipt-2.png");
        var png = ImageIO.read(new ByteArrayInputStream(run.artifact("receipt-1.png").bytes()));
        float scale = ReceiptPages.PDF_DPI / 72;
        assertThat(png.getHeight()).isGreaterThan(Math.round((40 + 7 * ReceiptPdfs.ROW + 30) * scale)
                + Math.round((40 + 6 * ReceiptPdfs.ROW + 30) * scale));
    }

    @Test
    void twoReceiptsInOneDigitalPdfStayTwo() {
        SkillRun run = harness(models()).file("files", new ReceiptPdfs().text(ReceiptImages.englishRows())
                .text(List.of(
                        row("CITY TAXI CO."),
                        row("88 Station Road, Springfield"),
                        row("Date: 2026-11-15 08:10"),
                        row("Fare", "18.40"),
                        row("AMOUNT DUE", "$18.40"),
                        row("CASH")))
                .build("trip.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        List<Map<String, Object>> receipts = receipts(run);
        assertThat(receipts).hasSize(2);
        assertThat(amount(receipts.get(0), "total")).isEqualByComparingTo("26.22");
        assertThat(receipts.get(1)).containsEntry("page", 2).containsEntry("pages", List.of(2));
        assertThat(value(receipts.get(1), "vendor")).isEqualTo("CITY TAXI CO.");
        assertThat(amount(receipts.get(1), "total")).isEqualByComparingTo("18.40");
        assertThat(run.artifacts()).extracting(m -> m.name()).contains("receipt-1.png", "receipt-2.png");
    }

    @Test
    void chineseDigitalInvoiceIsReadFromItsTextLayer() {
        org.junit.jupiter.api.Assumptions.assumeTrue(new File(ReceiptPdfs.CJK_FONT_FILE).isFile(),
                "fonts-wqy-zenhei is needed to write Chinese into a test PDF");
        FakeModelGateway models = models();
        SkillRun run = harness(models).file("files", new ReceiptPdfs().chinese(List.of(
                row("上海增值税普通发票"),
                row("发票代码：031001900111"),
                row("发票号码：12345678"),
                row("开票日期：2026年11月20日"),
                row("购买方名称：北京星辰科技有限公司"),
                row("餐饮服务*餐费", "100.00"),
                row("金额", "¥100.00"),
                row("税额", "¥6.00"),
                row("价税合计（小写）", "¥106.00"),
                row("销售方名称：上海明珠餐饮有限公司"),
                row("地址：上海市黄浦区南京东路100号"))).build("fapiao.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.requests(FakeModelGateway.Operation.OCR)).isEmpty();
        assertThat(run.resultMap()).containsEntry("engine", "embedded+pdf-text");
        Map<String, Object> r = receipts(run).get(0);
        assertThat(value(r, "vendor")).isEqualTo("上海明珠餐饮有限公司");
        assertThat(value(r, "invoiceCode")).isEqualTo("031001900111");
        assertThat(value(r, "invoiceNumber")).isEqualTo("12345678");
        assertThat(value(r, "date")).isEqualTo("2026-11-20");
        assertThat(value(r, "currency")).isEqualTo("CNY");
        assertThat(amount(r, "tax")).isEqualByComparingTo("6.00");
        assertThat(amount(r, "total")).isEqualByComparingTo("106.00");
        assertThat((String) value(r, "address")).contains("南京东路100号");
    }

    @Test
    void textLayerWordsAreBoxedInRenderedPixelsOnLinesByBaseline() throws Exception {
        ReceiptPdfs pdf = new ReceiptPdfs().text(ReceiptImages.englishRows());
        try (PDDocument doc = Loader.loadPDF(pdf.build("cafe.pdf").bytes())) {
            OcrResult text = PdfTextLayer.read(doc, 0, ReceiptPages.PDF_DPI);

            assertThat(text).isNotNull();
            assertThat(text.lines()).hasSize(ReceiptImages.englishRows().size());
            assertThat(text.lines().get(9).text()).isEqualTo("TOTAL $26.22");
            assertThat(text.words()).allSatisfy(w -> assertThat(w.confidence()).isEqualTo(100));
            OcrResult.Word total = text.words().stream().filter(w -> w.text().equals("$26.22")).findFirst().orElseThrow();
            assertThat(total.line()).isEqualTo(9);
            assertBoxCovers(List.of(total.box().x(), total.box().y(), total.box().width(), total.box().height()),
                    pdf.boxes().get(0).get("total"));
        }
    }

    @Test
    void junkTextLayersAreNotUsable() {
        assertThat(PdfTextLayer.usable(ReceiptReaderTest.page(100, "Scan 0001", "p. 1"))).as("a few stray characters").isFalse();
        assertThat(PdfTextLayer.usable(ReceiptReaderTest.page(100, "\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD\uFFFD\uFFFD",
                "\uFFFD\uFFFD 12.00", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD \uFFFD\uFFFD 12.00"))).as("unmapped glyphs").isFalse();
        assertThat(PdfTextLayer.usable(ReceiptReaderTest.page(100, "\u0003\u0004\u0005\u0006\u0007 \u0011\u0012\u0013",
                "\u0014\u0015 12.00", "\u0016\u0017\u0018\u0019 \u001a 12.00"))).as("control characters").isFalse();
        assertThat(PdfTextLayer.usable(ReceiptReaderTest.page(100, "CITY TAXI CO.", "Date: 2026-11-15",
                "AMOUNT DUE $18.40"))).as("a short receipt").isTrue();
    }
}
