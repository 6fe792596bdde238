package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reviewed receipts back into a report: corrections and approvals, checks run again, an XLSX that shows them. */
class ExpenseReportSkillTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SkillRun read(InMemoryPluginStorage storage, Map<String, String> receipts) {
        SkillHarness harness = ExpenseRulesTest.harness(ExpenseRulesTest.ocr(receipts)).storage(storage);
        receipts.keySet().forEach(name -> harness.file("files", ReceiptImages.blank(name + ".png")));
        SkillRun run = harness.run();
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        return run;
    }

    private static SkillRun report(Object receipts) {
        return SkillHarness.of(new ExpenseReportSkill()).clock(ExpensesSkillTest.CLOCK)
                .value("employee", "Dana Smith").value("receipts", JSON.writeValueAsString(receipts)).run();
    }

    /** The receipts of a result as a reviewer's page would hold them: plain maps it can edit. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> editable(SkillRun run) {
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, Object> r : ExpenseRulesTest.list(run.resultMap(), "receipts")) {
            copies.add(new LinkedHashMap<>(r));
        }
        return copies;
    }

    @Test
    void correctedFieldsAndApprovalsMakeANewReportWhoseChecksRunAgain() throws Exception {
        SkillRun read = read(new InMemoryPluginStorage(), new LinkedHashMap<>(Map.of("cafe", ExpenseRulesTest.CAFE)));
        List<Map<String, Object>> receipts = editable(read);
        // The reviewer fixes the vendor, types a total the figures do not add up to, and approves.
        receipts.get(0).put("vendor", "Blue Harbour Café");
        receipts.get(0).put("total", Map.of("value", "25.22"));
        receipts.get(0).put("approved", true);
        Map<String, Object> hotel = new LinkedHashMap<>(receipts.get(0));
        hotel.put("file", "hotel.png");
        hotel.put("vendor", "Grand Plaza Hotel");
        hotel.put("category", "lodging");
        hotel.put("date", "2026-11-20");
        hotel.put("subtotal", null);
        hotel.put("tax", null);
        hotel.put("tip", null);
        hotel.put("total", 180);
        hotel.put("lineItems", List.of());
        hotel.put("approved", false);
        receipts.add(hotel);

        SkillRun run = report(receipts);

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result).containsEntry("engine", ExpenseReportSkill.ENGINE).containsEntry("approved", 1L);
        Map<String, Object> cafe = ExpenseRulesTest.list(result, "receipts").get(0);
        assertThat((Map<String, Object>) cafe.get("vendor")).containsEntry("value", "Blue Harbour Café")
                .containsEntry("confidence", 1.0);
        assertThat(cafe).containsEntry("approved", true);
        // The typed total no longer matches subtotal + tax + tip: the arithmetic check says so now.
        assertThat(ExpenseRulesTest.list(cafe, "checks")).anySatisfy(c -> assertThat(c)
                .containsEntry("name", "arithmetic").containsEntry("status", "failed"));
        assertThat(result.get("approvedTotalsByCategory")).isEqualTo(Map.of("meals", Map.of("USD", new BigDecimal("25.22"))));
        assertThat(result.get("totalsByCategory")).isEqualTo(Map.of("meals", Map.of("USD", new BigDecimal("25.22")),
                "lodging", Map.of("USD", new BigDecimal("180"))));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(run.artifact("expense-report.xlsx").bytes()))) {
            Sheet sheet = book.getSheet("Receipts");
            assertThat(sheet.getRow(0).getCell(13).getStringCellValue()).isEqualTo("Approved");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Blue Harbour Café");
            assertThat(sheet.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(25.22);
            assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).isEqualTo("yes");
            assertThat(sheet.getRow(2).getCell(13).getStringCellValue()).isEqualTo("no");
            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            Sheet totals = book.getSheet("Totals by category");
            Map<String, Double> sums = new LinkedHashMap<>();
            for (int r = 1; r <= totals.getLastRowNum(); r++) {
                sums.put(totals.getRow(r).getCell(0).getStringCellValue(),
                        evaluator.evaluate(totals.getRow(r).getCell(3)).getNumberValue());
            }
            assertThat(sums).containsEntry("meals", 25.22).containsEntry("lodging", 180.0);
        }
    }

    @Test
    void aDuplicateOfAnEarlierReportIsKeptAndTheReportItselfIsNotCountedTwice() {
        InMemoryPluginStorage storage = new InMemoryPluginStorage();
        read(storage, Map.of("cafe", ExpenseRulesTest.CAFE));
        SkillRun again = read(storage, Map.of("cafe-again", ExpenseRulesTest.CAFE));
        assertThat(ExpenseRulesTest.list(again.resultMap(), "duplicates")).hasSize(1);

        SkillRun run = report(editable(again));

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> receipt = ExpenseRulesTest.list(run.resultMap(), "receipts").get(0);
        assertThat(ExpenseRulesTest.list(receipt, "violations")).singleElement().satisfies(v -> assertThat(v)
                .containsEntry("rule", "duplicate").containsEntry("severity", "blocking"));
        assertThat(ExpenseRulesTest.list(run.resultMap(), "duplicates")).isEmpty();
    }

    @Test
    void malformedReviewsAreBadInputNamingTheReceiptAndField() {
        SkillRun read = read(new InMemoryPluginStorage(), Map.of("cafe", ExpenseRulesTest.CAFE));
        List<Map<String, Object>> wrongDate = editable(read);
        wrongDate.get(0).put("date", "14/11/2026");
        List<Map<String, Object>> wrongTotal = editable(read);
        wrongTotal.get(0).put("total", "twelve");
        List<Map<String, Object>> wrongCategory = editable(read);
        wrongCategory.get(0).put("category", "snacks");

        assertThat(report(wrongDate).error().orElseThrow()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("receipt 1: date '14/11/2026' is not yyyy-MM-dd");
        assertThat(report(wrongTotal).error().orElseThrow()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("total 'twelve' is not an amount");
        assertThat(report(wrongCategory).error().orElseThrow()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("meals, travel");
        SkillRun notJson = SkillHarness.of(new ExpenseReportSkill()).value("employee", "Dana")
                .value("receipts", "[{\"file\": ").run();
        assertThat(notJson.error().orElseThrow()).isInstanceOf(BadInputException.class).hasMessageContaining("not valid JSON");
        assertThat(report(List.of()).error().orElseThrow()).isInstanceOf(BadInputException.class).hasMessageContaining("array");
    }
}
