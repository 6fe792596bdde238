package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.UnsupportedMediaException;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Checks, policy, duplicates, the report and bad input, with OCR scripted as text lines (the testkit's fake
 * gives each word a box), so the rules are tested without Tesseract.
 */
class ExpenseRulesTest {

    static final String CAFE = """
            BLUE HARBOR CAFE
            12 Harbour Street, Springfield
            Date: 14/11/2026 12:45
            Cappuccino 2 x 4.50 9.00
            Club Sandwich 12.50
            Subtotal 21.50
            Tax 1.72
            TOTAL $23.22
            VISA ****4242
            """;

    static final String HOTEL = """
            GRAND PLAZA HOTEL
            1 Main Road, Springfield
            Date: 20/11/2026
            Room 1 night 180.00
            TOTAL USD 180.00
            """;

    static SkillHarness harness(FakeModelGateway models) {
        return SkillHarness.of(new ExpensesSkill()).models(models).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith");
    }

    static FakeModelGateway ocr(Map<String, String> textByFile) {
        return new FakeModelGateway().onOcr(image -> {
            String stem = image.name().replaceFirst("(-ocr)?\\.(png|bmp)$", "");
            return new FakeModelGateway().onOcr(textByFile.getOrDefault(stem, "")).ocr(image, List.of());
        }).engine(Capability.OCR, Engine.embedded("tesseract-5"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    @Test
    void figuresThatDoNotAddUpFailTheArithmeticCheck() {
        SkillRun run = harness(ocr(Map.of("cafe", CAFE.replace("TOTAL $23.22", "TOTAL $25.22"))))
                .file("files", ReceiptImages.blank("cafe.png")).run();

        Map<String, Object> receipt = list(run.resultMap(), "receipts").get(0);
        assertThat(list(receipt, "checks")).anySatisfy(c -> assertThat(c).containsEntry("name", "arithmetic")
                .containsEntry("status", "failed")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("not 25.22")));
    }

    @Test
    void sameReceiptTwiceInABatchIsABlockingDuplicate() {
        SkillRun run = harness(ocr(Map.of("a", CAFE, "b", CAFE, "c", HOTEL)))
                .file("files", ReceiptImages.blank("a.png")).file("files", ReceiptImages.blank("b.png"))
                .file("files", ReceiptImages.blank("c.png")).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(list(run.resultMap(), "duplicates")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("receipts", List.of(1, 2)).containsEntry("files", List.of("a.png", "b.png")));
        Map<String, Object> second = list(run.resultMap(), "receipts").get(1);
        assertThat(list(second, "violations")).anySatisfy(v -> assertThat(v)
                .containsEntry("rule", "duplicate").containsEntry("severity", "blocking"));
        assertThat(list(list(run.resultMap(), "receipts").get(2), "violations")).isEmpty();
    }

    @Test
    void batchIsReadSeveralPagesAtATimeAndKeepsItsOrder() {
        assumeThat(ParallelPages.atOnce(6)).as("needs two cores").isGreaterThan(1);
        java.util.concurrent.atomic.AtomicInteger reading = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        FakeModelGateway scripted = ocr(Map.of("r1", CAFE, "r2", HOTEL, "r3", CAFE.replace("23.22", "30.00")
                .replace("21.50", "28.28"), "r4", HOTEL.replace("180.00", "90.00"), "r5", CAFE, "r6", HOTEL));
        FakeModelGateway slow = new FakeModelGateway().onOcr(image -> {
            most.accumulateAndGet(reading.incrementAndGet(), Math::max);
            try {
                Thread.sleep(150);
                return scripted.ocr(image, List.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                reading.decrementAndGet();
            }
        }).engine(Capability.OCR, Engine.embedded("tesseract-5"));
        SkillHarness harness = harness(slow);
        for (int i = 1; i <= 6; i++) {
            harness.file("files", ReceiptImages.blank("r" + i + ".png"));
        }

        SkillRun run = harness.run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(most.get()).as("pages read at once").isGreaterThan(1);
        assertThat(list(run.resultMap(), "receipts")).extracting(r -> r.get("file"))
                .containsExactly("r1.png", "r2.png", "r3.png", "r4.png", "r5.png", "r6.png");
        assertThat(list(run.resultMap(), "receipts")).extracting(r -> ((Map<?, ?>) r.get("total")).get("value").toString())
                .containsExactly("23.22", "180.00", "30.00", "90.00", "23.22", "180.00");
        assertThat(run.progress()).filteredOn(p -> p.message().startsWith("reading receipt")).hasSize(6);
    }

    @Test
    void receiptClaimedInAnEarlierRunIsFoundThroughTheTenantIndex() {
        dev.atrium.sdk.testkit.InMemoryPluginStorage storage = new dev.atrium.sdk.testkit.InMemoryPluginStorage();
        SkillRun first = harness(ocr(Map.of("cafe", CAFE))).storage(storage)
                .file("files", ReceiptImages.blank("cafe.png")).run();
        assertThat(list(first.resultMap(), "duplicates")).isEmpty();

        SkillRun second = harness(ocr(Map.of("again", CAFE))).storage(storage)
                .file("files", ReceiptImages.blank("again.png")).run();

        assertThat(list(second.resultMap(), "duplicates")).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("files", List.of("again.png"));
            assertThat(((Map<?, ?>) d.get("earlier")).get("file")).isEqualTo("cafe.png");
        });
        assertThat(list(list(second.resultMap(), "receipts").get(0), "violations")).anySatisfy(v -> assertThat(v)
                .containsEntry("rule", "duplicate").containsEntry("severity", "blocking"));
    }

    @Test
    void nearSameAmountsInTwoCurrenciesOnTheSameDayAreALikelyDuplicate() {
        String euros = HOTEL.replace("TOTAL USD 180.00", "TOTAL EUR 166.00");
        SkillRun run = harness(ocr(Map.of("usd", HOTEL, "eur", euros)))
                .setting("expenses.homeCurrency", "USD").setting("expenses.rate.EUR", "1.08")
                .file("files", ReceiptImages.blank("usd.png")).file("files", ReceiptImages.blank("eur.png")).run();

        assertThat(list(run.resultMap(), "duplicates")).singleElement().satisfies(d -> assertThat((String) d.get("reason"))
                .contains("166.00 EUR ≈ 180.00 USD"));
        assertThat(list(list(run.resultMap(), "receipts").get(1), "violations")).anySatisfy(v -> assertThat(v)
                .containsEntry("rule", "duplicate").containsEntry("severity", "warning"));
    }

    @Test
    void policyFlagsLimitsProhibitedCategoriesAndAge() {
        String old = CAFE.replace("14/11/2026", "14/06/2026");
        SkillRun run = harness(ocr(Map.of("hotel", HOTEL, "old", old)))
                .setting("expenses.homeCurrency", "USD").setting("expenses.limit.lodging", "150")
                .setting("expenses.prohibitedCategories", "meals").setting("expenses.maxAgeDays", "60")
                .file("files", ReceiptImages.blank("hotel.png")).file("files", ReceiptImages.blank("old.png")).run();

        List<Map<String, Object>> receipts = list(run.resultMap(), "receipts");
        assertThat(list(receipts.get(0), "violations")).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("rule", "category-limit").containsEntry("severity", "warning")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("180.00 USD is over the limit of 150")));
        assertThat(list(receipts.get(1), "violations")).extracting(v -> v.get("rule"))
                .containsExactlyInAnyOrder("prohibited-category", "too-old");
        assertThat(list(receipts.get(1), "violations")).allSatisfy(v -> assertThat(v).containsEntry("severity", "blocking"));
        assertThat(run.resultMap()).containsEntry("blocked", 1L);
    }

    @Test
    void largeAmountWithoutVendorOrDateNeedsAReceiptAndUnsureFieldsAreQueuedForReview() {
        FakeModelGateway models = new FakeModelGateway().onOcr(image -> {
            var plain = new FakeModelGateway().onOcr("Thanks\nTOTAL 420.00").ocr(image, List.of());
            // Smudged print: every word read at 40 % confidence.
            return new dev.atrium.sdk.model.OcrResult(plain.text(), plain.lines(), plain.words().stream()
                    .map(w -> new dev.atrium.sdk.model.OcrResult.Word(w.text(), 40, w.box(), w.line())).toList(),
                    plain.engine());
        });
        SkillRun run = harness(models).setting("expenses.receiptRequiredAbove", "100")
                .file("files", ReceiptImages.blank("smudged.png")).run();

        Map<String, Object> receipt = list(run.resultMap(), "receipts").get(0);
        assertThat(list(receipt, "violations")).anySatisfy(v -> assertThat(v).containsEntry("rule", "receipt-required"));
        assertThat(list(run.resultMap(), "review")).anySatisfy(r -> assertThat(r)
                .containsEntry("field", "total").containsEntry("value", "420.00").containsEntry("receipt", 1));
        assertThat(list(receipt, "checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "confidence").containsEntry("status", "review"));
    }

    @Test
    void reportHasFourSheetsAndTotalsByCategoryAreFormulasOverTheReceipts() throws Exception {
        String secondCafe = CAFE.replace("14/11/2026", "15/11/2026").replace("TOTAL $23.22", "TOTAL $10.00")
                .replace("Cappuccino 2 x 4.50 9.00\nClub Sandwich 12.50\nSubtotal 21.50\nTax 1.72\n", "Tea 10.00\n");
        SkillRun run = harness(ocr(Map.of("a", CAFE, "b", secondCafe, "c", HOTEL)))
                .file("files", ReceiptImages.blank("a.png")).file("files", ReceiptImages.blank("b.png"))
                .file("files", ReceiptImages.blank("c.png")).run();
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap().get("totalsByCategory")).isEqualTo(Map.of(
                "meals", Map.of("USD", new BigDecimal("33.22")), "lodging", Map.of("USD", new BigDecimal("180.00"))));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(run.artifact("expense-report.xlsx").bytes()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("Receipts", "Line items", "Totals by category", "Flagged");
            Sheet receipts = book.getSheet("Receipts");
            assertThat(receipts.getLastRowNum()).isEqualTo(3);
            assertThat(receipts.getRow(1).getCell(3).getStringCellValue()).isEqualTo("BLUE HARBOR CAFE");
            assertThat(book.getSheet("Line items").getLastRowNum()).isGreaterThanOrEqualTo(3);

            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            Sheet totals = book.getSheet("Totals by category");
            Map<String, Double> byCategory = new java.util.HashMap<>();
            for (int r = 1; r <= totals.getLastRowNum(); r++) {
                Row row = totals.getRow(r);
                Cell sum = row.getCell(3);
                assertThat(sum.getCellFormula()).startsWith("SUMIFS(");
                byCategory.put(row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue(),
                        evaluator.evaluate(sum).getNumberValue());
                if (row.getCell(0).getStringCellValue().equals("meals")) {
                    assertThat(evaluator.evaluate(row.getCell(2)).getNumberValue()).isEqualTo(2.0);
                }
            }
            assertThat(byCategory).containsOnlyKeys("meals/USD", "lodging/USD");
            assertThat(byCategory.get("meals/USD")).isCloseTo(33.22, org.assertj.core.data.Offset.offset(0.001));
            assertThat(byCategory.get("lodging/USD")).isCloseTo(180.0, org.assertj.core.data.Offset.offset(0.001));

            // A corrected total on the receipts sheet flows into the totals.
            receipts.getRow(3).getCell(9).setCellValue(200.0);
            evaluator.clearAllCachedResultValues();
            for (int r = 1; r <= totals.getLastRowNum(); r++) {
                if (totals.getRow(r).getCell(0).getStringCellValue().equals("lodging")) {
                    assertThat(evaluator.evaluate(totals.getRow(r).getCell(3)).getNumberValue()).isEqualTo(200.0);
                }
            }
        }
    }

    @Test
    void flaggedSheetListsViolations() throws Exception {
        SkillRun run = harness(ocr(Map.of("a", CAFE, "b", CAFE)))
                .file("files", ReceiptImages.blank("a.png")).file("files", ReceiptImages.blank("b.png")).run();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(run.artifact("expense-report.xlsx").bytes()))) {
            Sheet flagged = book.getSheet("Flagged");
            List<String> rows = new java.util.ArrayList<>();
            for (int r = 1; r <= flagged.getLastRowNum(); r++) {
                Row row = flagged.getRow(r);
                rows.add((int) row.getCell(0).getNumericCellValue() + " " + row.getCell(3).getStringCellValue() + " "
                        + row.getCell(4).getStringCellValue());
            }
            assertThat(rows).contains("2 duplicate blocking").noneMatch(r -> r.startsWith("1 duplicate"));
        }
    }

    @Test
    void emptyFileIsBadInput() {
        SkillRun run = harness(ocr(Map.of())).file("files", Media.of("empty.jpg", "image/jpeg", new byte[0])).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("empty.jpg is empty"));
    }

    @Test
    void corruptImageIsBadInput() {
        byte[] truncated = java.util.Arrays.copyOf(ReceiptImages.blank("x.png").bytes(), 40);
        SkillRun run = harness(ocr(Map.of())).file("files", Media.of("broken.png", "image/png", truncated)).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("broken.png"));
    }

    @Test
    void passwordProtectedPdfIsBadInputSayingSo() {
        Media locked = ReceiptImages.pdf("locked.pdf", "secret", ReceiptImages.english(0).image());
        SkillRun run = harness(ocr(Map.of())).file("files", locked).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("password-protected"));
    }

    @Test
    void textPretendingToBeAnImageIsUnsupportedMedia() {
        Media text = Media.of("notes.png", "image/png", "just some notes".getBytes(StandardCharsets.UTF_8));
        SkillRun run = harness(ocr(Map.of())).file("files", text).run();
        assertThat(run.error()).get().isInstanceOf(UnsupportedMediaException.class);
    }

    @Test
    void wordDocumentIsRefusedBeforeTheSkillRuns() {
        assertThatThrownBy(() -> harness(ocr(Map.of()))
                .file("files", Media.of("report.docx", "application/msword", new byte[] {1, 2, 3})).run())
                .isInstanceOf(UnsupportedMediaException.class);
    }
}
