package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.document.Workbook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRoundTripTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    private final Workbook workbook = new Workbook(List.of(
            new Table("Sales 销售", List.of("Region", "Amount", "Units", "Date", "Paid"), List.of(
                    List.of("North", 1200.5, 3L, LocalDate.of(2024, 3, 1), true),
                    List.of("华南", 800.25, 7L, LocalDate.of(2024, 3, 2), false),
                    Arrays.asList("East", 99.25, 1L, LocalDateTime.of(2024, 3, 3, 14, 30), null))),
            new Table("Notes", List.of("Note"), List.of(List.of("Quarter closed")))),
            List.of("Amount", "Units"));

    @Test
    void writtenWorkbookReadsBackAsTypedTablesWithEvaluatedTotals() {
        Media xlsx = kit.writeXlsx("sales", workbook);

        assertThat(xlsx.name()).isEqualTo("sales.xlsx");
        assertThat(xlsx.mediaType()).isEqualTo(OfficeDocumentKit.XLSX_TYPE);
        ExtractedDocument read = kit.read(xlsx);
        assertThat(read.tables()).hasSize(2);
        Table sales = read.tables().get(0);
        assertThat(sales.name()).isEqualTo("Sales 销售");
        assertThat(sales.headers()).containsExactly("Region", "Amount", "Units", "Date", "Paid");
        assertThat(sales.rows().get(0)).containsExactly("North", 1200.5, 3L, LocalDate.of(2024, 3, 1), true);
        assertThat(sales.rows().get(2)).containsExactly("East", 99.25, 1L, LocalDateTime.of(2024, 3, 3, 14, 30), null);
        assertThat(sales.rows().get(3)).containsExactly("Total", 2100L, 11L, null, null);
        assertThat(read.tables().get(1).rows()).containsExactly(List.of("Quarter closed"));
        assertThat(read.sections()).extracting(ExtractedDocument.Section::heading).containsExactly("Sales 销售", "Notes");
        assertThat(read.text()).contains("North | 1200.5 | 3 | 2024-03-01 | true");
    }

    @Test
    void totalsAreSumFormulasAndHeaderIsStyledFrozenAndFiltered() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(kit.writeXlsx("s", workbook).bytes()))) {
            XSSFSheet sheet = book.getSheetAt(0);

            var total = sheet.getRow(4).getCell(1);
            assertThat(total.getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(total.getCellFormula()).isEqualTo("SUM(B2:B4)");
            assertThat(total.getNumericCellValue()).isEqualTo(2100.0);
            var header = sheet.getRow(0).getCell(0).getCellStyle();
            assertThat(book.getFontAt(header.getFontIndex()).getBold()).isTrue();
            assertThat(header.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:E4");
            assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(8 * 256);
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(sheet.getColumnWidth(4));
        }
    }

    @Test
    void numbersStayNumbersAndDatesGetADateFormat() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(kit.writeXlsx("s", workbook).bytes()))) {
            var row = book.getSheetAt(0).getRow(1);

            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.BOOLEAN);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(3))).isTrue();
            assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
        }
    }

    @Test
    void duplicateAndInvalidSheetNamesAreMadeSafe() throws IOException {
        Workbook clashing = new Workbook(List.of(new Table("a/b", List.of("x"), List.of()),
                new Table("A_B", List.of("x"), List.of()), new Table("", List.of("x"), List.of())), List.of());

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(kit.writeXlsx("s", clashing).bytes()))) {
            assertThat(book.getSheetName(0)).isEqualTo("a_b");
            assertThat(book.getSheetName(1)).isEqualTo("A_B (2)");
            assertThat(book.getSheetName(2)).isEqualTo("Sheet3");
        }
    }
}
