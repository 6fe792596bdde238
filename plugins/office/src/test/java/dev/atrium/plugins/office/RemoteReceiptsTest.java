package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The remote path: a vision model with structured output reads the receipt; the same checks follow. */
class RemoteReceiptsTest {

    static final ReceiptDraft DRAFT = new ReceiptDraft("Blue Harbor Cafe", "12 Harbour Street", "14/11/2026", "12:45",
            "usd", "21.50", "1.72", "3.00", "$26.22", "VISA ****4242", "Meals", null, "A-1001",
            List.of(new ReceiptDraft.Item("Cappuccino", "2", "4.50", "9.00"),
                    new ReceiptDraft.Item("Club Sandwich", "1", "12.50", "12.50")));

    @SuppressWarnings("unchecked")
    static Map<String, Object> firstReceipt(SkillRun run) {
        return ((List<Map<String, Object>>) run.resultMap().get("receipts")).get(0);
    }

    @SuppressWarnings("unchecked")
    static Object value(Map<String, Object> receipt, String field) {
        return ((Map<String, Object>) receipt.get(field)).get("value");
    }

    @Test
    void visionModelReadsTheReceiptAndValuesAreNormalisedAndChecked() {
        FakeModelGateway models = new FakeModelGateway().onChat("unused").onStructured(DRAFT);

        SkillRun run = SkillHarness.of(new ExpensesSkill()).models(models).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith").file("files", ReceiptImages.blank("cafe.png")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("engine", "fake/fake-model");
        ChatRequest sent = models.chatRequests().get(0);
        assertThat(sent.hasImages()).isTrue();
        assertThat(sent.messages().get(1).images().get(0).name()).isEqualTo("cafe.png");

        Map<String, Object> r = firstReceipt(run);
        assertThat(value(r, "vendor")).isEqualTo("Blue Harbor Cafe");
        assertThat(value(r, "date")).isEqualTo("2026-11-14");
        assertThat(value(r, "currency")).isEqualTo("USD");
        assertThat((BigDecimal) value(r, "total")).isEqualByComparingTo("26.22");
        assertThat(value(r, "category")).isEqualTo("meals");
        assertThat(((Map<?, ?>) r.get("total")).get("box")).isNull();
        assertThat((List<Map<String, Object>>) r.get("checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "arithmetic").containsEntry("status", "passed"));
        assertThat(run.artifacts()).extracting(m -> m.name()).contains("expense-report.xlsx", "receipt-1.png");
    }

    @Test
    void pagesTheModelReadsAsOneReceiptInTwoPartsAreJoined() {
        ReceiptDraft first = new ReceiptDraft("Northwind Office Supply Ltd", "400 Market Street", "2026-11-12", null,
                "USD", null, null, null, null, null, "office supplies", null, "INV-2041",
                List.of(new ReceiptDraft.Item("Printer paper", "5", "6.00", "30.00")));
        ReceiptDraft second = new ReceiptDraft(null, null, null, null, "USD", "75.50", "6.04", null, "81.54",
                "VISA ****1881", "office supplies", null, null,
                List.of(new ReceiptDraft.Item("Desk lamp", "1", "45.50", "45.50")));
        // Pages are read at once: each answer goes with the page image it was asked about.
        FakeModelGateway models = new FakeModelGateway().onChat("unused").onStructured(request ->
                request.messages().get(1).images().get(0).name().endsWith("-page-1.png") ? first : second);
        BufferedImage page = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);

        SkillRun run = SkillHarness.of(new ExpensesSkill()).models(models).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith").file("files", ReceiptImages.pdf("invoice.pdf", null, page, page)).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.chatRequests()).hasSize(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> receipts = (List<Map<String, Object>>) run.resultMap().get("receipts");
        assertThat(receipts).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("pages", List.of(1, 2)).containsEntry("engine", "fake/fake-model");
            assertThat(value(r, "vendor")).isEqualTo("Northwind Office Supply Ltd");
            assertThat((BigDecimal) value(r, "total")).isEqualByComparingTo("81.54");
            assertThat(((Map<?, ?>) r.get("total")).get("page")).isEqualTo(2);
            assertThat((List<?>) r.get("lineItems")).hasSize(2);
        });
    }

    @Test
    void digitalPdfPageGoesToTheModelWithItsTextLayer() {
        FakeModelGateway models = new FakeModelGateway().onChat("unused").onStructured(DRAFT);

        SkillRun run = SkillHarness.of(new ExpensesSkill()).models(models).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith")
                .file("files", new ReceiptPdfs().text(ReceiptImages.englishRows()).build("cafe.pdf")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        ChatRequest sent = models.chatRequests().get(0);
        assertThat(sent.hasImages()).isTrue();
        assertThat(sent.messages().get(1).text()).contains("PDF text layer").contains("26.22");
        assertThat(run.resultMap()).containsEntry("engine", "fake/fake-model");
    }

    @Test
    void failingModelFallsBackToOcrWithAWarning() {
        FakeModelGateway models = new FakeModelGateway().onChat("unused").onStructuredJson("{ not json")
                .onOcr("CITY TAXI CO.\nDate: 15/11/2026\nAMOUNT DUE $18.40")
                .engine(Capability.OCR, Engine.embedded("tesseract-5"));

        SkillRun run = SkillHarness.of(new ExpensesSkill()).models(models).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith").file("files", ReceiptImages.blank("taxi.png")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.warnings()).singleElement().asString().contains("offline");
        assertThat(run.resultMap()).containsEntry("engine", "embedded+tesseract-5");
        assertThat((BigDecimal) value(firstReceipt(run), "total")).isEqualByComparingTo("18.40");
        assertThat(value(firstReceipt(run), "category")).isEqualTo("transport");
    }
}
