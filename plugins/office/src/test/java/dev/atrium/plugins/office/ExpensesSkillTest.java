package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.Rectangle;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The expenses skill reading receipts drawn by the test, through the embedded engine's Tesseract. */
class ExpensesSkillTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void tesseractInstalled() {
        assumeThat(EmbeddedOcrModels.available())
                .as("Tesseract with eng and chi_sim is needed (./atrium test installs it)").isTrue();
    }

    static SkillHarness harness() {
        // Real OCR on a shared two-core machine: more than the harness's default 30 s when it is busy.
        return SkillHarness.of(new ExpensesSkill()).models(new EmbeddedOcrModels()).clock(CLOCK)
                .timeout(java.time.Duration.ofMinutes(2)).value("employee", "Dana Smith");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> receipts(SkillRun run) {
        return (List<Map<String, Object>>) run.resultMap().get("receipts");
    }

    @SuppressWarnings("unchecked")
    static Object value(Map<String, Object> receipt, String field) {
        return ((Map<String, Object>) receipt.get(field)).get("value");
    }

    @SuppressWarnings("unchecked")
    static List<Integer> box(Map<String, Object> receipt, String field) {
        return (List<Integer>) ((Map<String, Object>) receipt.get(field)).get("box");
    }

    static BigDecimal amount(Map<String, Object> receipt, String field) {
        return (BigDecimal) value(receipt, field);
    }

    static void assertBoxCovers(List<Integer> box, Rectangle drawn) {
        assertThat(box).as("box").isNotNull().hasSize(4);
        Rectangle found = new Rectangle(box.get(0), box.get(1), box.get(2), box.get(3));
        Rectangle grown = new Rectangle(found.x - 12, found.y - 12, found.width + 24, found.height + 24);
        assertThat(grown.intersects(drawn)).as("found %s near drawn %s", found, drawn).isTrue();
    }

    @Test
    void englishReceiptGivesEveryFieldWithItsBox() throws Exception {
        ReceiptImages.Drawn drawn = ReceiptImages.english(0);
        SkillRun run = harness().file("files", drawn.png("cafe.png")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = receipts(run).get(0);
        assertThat(r).containsEntry("file", "cafe.png");
        assertCafeFields(r);
        assertBoxCovers(box(r, "total"), drawn.boxes().get("total"));
        assertBoxCovers(box(r, "vendor"), drawn.boxes().get("vendor"));
        assertBoxCovers(box(r, "tax"), drawn.boxes().get("tax"));
        assertThat((Double) ((Map<?, ?>) r.get("total")).get("confidence")).isGreaterThan(0.6);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) r.get("lineItems");
        assertThat(items).hasSize(2);
        assertThat(value(items.get(0), "description")).isEqualTo("Cappuccino");
        assertThat(amount(items.get(0), "quantity")).isEqualByComparingTo("2");
        assertThat(amount(items.get(0), "unitPrice")).isEqualByComparingTo("4.50");
        assertThat(amount(items.get(0), "amount")).isEqualByComparingTo("9.00");
        assertThat(value(items.get(1), "description")).isEqualTo("Club Sandwich");
        assertThat(amount(items.get(1), "amount")).isEqualByComparingTo("12.50");

        assertThat((List<Map<String, Object>>) r.get("checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "arithmetic").containsEntry("status", "passed"));
        assertThat(run.resultMap()).containsEntry("engine", "embedded+tesseract-5");
        assertThat(run.resultMap().get("totalsByCategory")).isEqualTo(Map.of("meals", Map.of("USD", new BigDecimal("26.22"))));
        var png = ImageIO.read(new ByteArrayInputStream(run.artifact("receipt-1.png").bytes()));
        assertThat(png.getWidth()).isEqualTo(drawn.image().getWidth());
        assertThat(run.artifact("expense-report.xlsx").size()).isPositive();
    }

    @Test
    void chineseVatInvoiceIsReadByItsLabels() {
        ReceiptImages.Drawn drawn = ReceiptImages.chineseInvoice();
        SkillRun run = harness().file("files", drawn.png("fapiao.png")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = receipts(run).get(0);
        // The seller, not the buyer, is the vendor.
        assertThat(value(r, "vendor")).isEqualTo("上海明珠餐饮有限公司");
        assertThat(value(r, "invoiceCode")).isEqualTo("031001900111");
        assertThat(value(r, "invoiceNumber")).isEqualTo("12345678");
        assertThat(value(r, "date")).isEqualTo("2026-11-20");
        assertThat(value(r, "currency")).isEqualTo("CNY");
        assertThat(amount(r, "subtotal")).isEqualByComparingTo("100.00");
        assertThat(amount(r, "tax")).isEqualByComparingTo("6.00");
        assertThat(amount(r, "total")).isEqualByComparingTo("106.00");
        assertThat(value(r, "category")).isEqualTo("meals");
        assertThat((String) value(r, "address")).contains("南京东路100号");
        assertBoxCovers(box(r, "total"), drawn.boxes().get("total"));
        assertThat((List<Map<String, Object>>) r.get("checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "arithmetic").containsEntry("status", "passed"));
    }

    @Test
    void slightlyRotatedReceiptIsStillRead() {
        SkillRun run = harness().file("files", ReceiptImages.english(2.5).jpeg("tilted.jpg")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> r = receipts(run).get(0);
        assertThat(amount(r, "total")).isEqualByComparingTo("26.22");
        assertThat(value(r, "date")).isEqualTo("2026-11-14");
        assertThat(value(r, "vendor")).isEqualTo("BLUE HARBOR CAFE");
    }

    @Test
    void pdfWithTwoReceiptsGivesOneReceiptPerPageWithProgress() {
        ReceiptImages.Drawn second = taxi();
        SkillRun run = harness().file("files",
                ReceiptImages.pdf("trip.pdf", null, ReceiptImages.english(0).image(), second.image())).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        List<Map<String, Object>> receipts = receipts(run);
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(0)).containsEntry("file", "trip.pdf").containsEntry("page", 1);
        assertThat(amount(receipts.get(0), "total")).isEqualByComparingTo("26.22");
        assertThat(receipts.get(1)).containsEntry("page", 2);
        assertThat(value(receipts.get(1), "vendor")).isEqualTo("CITY TAXI CO.");
        assertThat(value(receipts.get(1), "date")).isEqualTo("2026-11-15");
        assertThat(amount(receipts.get(1), "total")).isEqualByComparingTo("18.40");
        assertThat(value(receipts.get(1), "category")).isEqualTo("transport");
        assertThat(value(receipts.get(1), "paymentMethod")).isEqualTo("CASH");
        assertThat(run.progress()).extracting(p -> p.message())
                .anyMatch(m -> m.startsWith("reading receipt 1 of 2"))
                .anyMatch(m -> m.startsWith("reading receipt 2 of 2"));
        assertThat(run.artifacts()).extracting(m -> m.name())
                .contains("expense-report.xlsx", "receipt-1.png", "receipt-2.png");
        // Scanned pages have no text layer: OCR read them.
        assertThat(run.resultMap()).containsEntry("engine", "embedded+tesseract-5");
    }

    @Test
    void pdfWithADigitalAndAScannedPageReadsEachItsOwnWayAndSaysSo() {
        EmbeddedOcrModels models = new EmbeddedOcrModels();
        SkillRun run = harness().models(models).file("files", new ReceiptPdfs()
                .text(ReceiptImages.englishRows())
                .scan(taxi().image())
                .build("trip.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("engine", "embedded+pdf-text, embedded+tesseract-5");
        List<Map<String, Object>> receipts = receipts(run);
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(0)).containsEntry("engine", "embedded+pdf-text");
        assertThat(amount(receipts.get(0), "total")).isEqualByComparingTo("26.22");
        assertThat(receipts.get(1)).containsEntry("engine", "embedded+tesseract-5");
        assertThat(amount(receipts.get(1), "total")).isEqualByComparingTo("18.40");
        assertThat(models.read()).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("trip-page-2"));
    }

    @Test
    void scanWithOnlyAFewStrayCharactersInItsTextLayerIsReadByOcr() {
        EmbeddedOcrModels models = new EmbeddedOcrModels();
        SkillRun run = harness().models(models).file("files", new ReceiptPdfs()
                .scan(ReceiptImages.english(0).image(), "Scan 0001", List.of())
                .build("scan.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.read()).isNotEmpty();
        assertThat(run.resultMap()).containsEntry("engine", "embedded+tesseract-5");
        Map<String, Object> r = receipts(run).get(0);
        assertThat(value(r, "vendor")).isEqualTo("BLUE HARBOR CAFE");
        assertThat(amount(r, "total")).isEqualByComparingTo("26.22");
    }

    @Test
    void scanWithAScannersInvisibleTextLayerIsReadFromThatLayer() {
        EmbeddedOcrModels models = new EmbeddedOcrModels();
        ReceiptImages.Drawn drawn = ReceiptImages.english(0);
        SkillRun run = harness().models(models).file("files", new ReceiptPdfs()
                .scan(drawn.image(), null, ReceiptImages.englishRows())
                .build("scan.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.read()).as("sent to OCR").isEmpty();
        assertThat(run.resultMap()).containsEntry("engine", "embedded+pdf-text");
        Map<String, Object> r = receipts(run).get(0);
        assertThat(value(r, "vendor")).isEqualTo("BLUE HARBOR CAFE");
        assertThat(value(r, "date")).isEqualTo("2026-11-14");
        assertThat(amount(r, "total")).isEqualByComparingTo("26.22");
        // The layer lies over the scan: its boxes are where the scan shows the total (150 dpi drawn, 200 rendered).
        java.awt.Rectangle drawnTotal = drawn.boxes().get("total");
        double k = ReceiptPages.PDF_DPI / 150;
        assertBoxCovers(box(r, "total"), new java.awt.Rectangle((int) (drawnTotal.x * k), (int) (drawnTotal.y * k),
                (int) (drawnTotal.width * k), (int) (drawnTotal.height * k)));
    }

    @Test
    void receiptScannedOverTwoPagesIsOneReceipt() {
        SkillRun run = harness().file("files", ReceiptImages.pdf("invoice.pdf", null,
                ReceiptImages.draw(ReceiptImages.LATIN_FONT, 0, PdfTextLayerTest.invoiceFirstPage()).image(),
                ReceiptImages.draw(ReceiptImages.LATIN_FONT, 0, PdfTextLayerTest.invoiceLastPage()).image())).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("engine", "embedded+tesseract-5");
        List<Map<String, Object>> receipts = receipts(run);
        assertThat(receipts).hasSize(1);
        Map<String, Object> r = receipts.get(0);
        assertThat(r).containsEntry("pages", List.of(1, 2));
        assertThat(value(r, "vendor")).isEqualTo("NORTHWIND OFFICE SUPPLY LTD");
        assertThat(value(r, "date")).isEqualTo("2026-11-12");
        assertThat(amount(r, "total")).isEqualByComparingTo("172.80");
        assertThat(PdfTextLayerTest.page(r, "total")).isEqualTo(2);
        assertThat(PdfTextLayerTest.items(r)).extracting(i -> amount(i, "amount")).extracting(BigDecimal::toPlainString)
                .containsExactly("30.00", "12.50", "12.00", "45.00", "60.50");
        assertThat(run.artifacts()).extracting(m -> m.name()).contains("receipt-1.png").doesNotContain("receipt-2.png");
    }

    /** Every field of the cafe receipt the fixtures print ({@link ReceiptImages#englishRows()}), as read. */
    static void assertCafeFields(Map<String, Object> r) {
        assertThat(value(r, "vendor")).isEqualTo("BLUE HARBOR CAFE");
        assertThat((String) value(r, "address")).contains("12 Harbour Street");
        assertThat(value(r, "date")).isEqualTo("2026-11-14");
        assertThat(value(r, "time")).isEqualTo("12:45");
        assertThat(value(r, "currency")).isEqualTo("USD");
        assertThat(amount(r, "subtotal")).isEqualByComparingTo("21.50");
        assertThat(amount(r, "tax")).isEqualByComparingTo("1.72");
        assertThat(amount(r, "tip")).isEqualByComparingTo("3.00");
        assertThat(amount(r, "total")).isEqualByComparingTo("26.22");
        assertThat(value(r, "paymentMethod")).isEqualTo("VISA ****4242");
        assertThat(value(r, "category")).isEqualTo("meals");
    }

    static ReceiptImages.Drawn taxi() {
        return ReceiptImages.draw(ReceiptImages.LATIN_FONT, 0, List.of(
                ReceiptImages.row("CITY TAXI CO."),
                ReceiptImages.row("88 Station Road, Springfield"),
                ReceiptImages.row("Date: 2026-11-15 08:10"),
                ReceiptImages.row("Fare", "18.40"),
                ReceiptImages.row("AMOUNT DUE", "$18.40"),
                ReceiptImages.row("CASH")));
    }
}
