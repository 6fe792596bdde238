package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetReaderTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void xlsCellsAreTypedAndTheHeaderIsTheFirstNonEmptyRow() throws IOException {
        byte[] xls = build(new HSSFWorkbook());

        Table table = kit.read(Media.of("old.xls", "application/vnd.ms-excel", xls)).tables().get(0);

        assertThat(table.name()).isEqualTo("Data");
        assertThat(table.headers()).containsExactly("Name", "Qty", "Price", "When", "At", "Ok", "Total");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0)).containsExactly("Tea", 2L, 3.5, LocalDate.of(2024, 5, 6), LocalTime.of(9, 30),
                true, 7L);
    }

    @Test
    void xlsxFormulaCellsGiveTheirCachedValue() throws IOException {
        byte[] xlsx = build(new XSSFWorkbook());

        Table table = kit.read(Media.of("book.xlsx", null, xlsx)).tables().get(0);

        assertThat(table.rows().get(1)).containsExactly("Cake", 1L, 12.25, LocalDate.of(2024, 5, 7),
                LocalTime.of(17, 0), false, 12.25);
    }

    @Test
    void aSheetOverTheRowLimitIsRefused() throws IOException {
        OfficeDocumentKit small = new OfficeDocumentKit(DocumentLimits.DEFAULTS.withMaxSheetSize(1, 1_000), null);

        assertThatThrownBy(() -> small.read(Media.of("book.xlsx", null, build(new XSSFWorkbook()))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than 1 rows");
    }

    @Test
    void aWorkbookOverTheCellLimitIsRefused() throws IOException {
        OfficeDocumentKit small = new OfficeDocumentKit(DocumentLimits.DEFAULTS.withMaxSheetSize(100, 10), null);

        assertThatThrownBy(() -> small.read(Media.of("book.xlsx", null, build(new XSSFWorkbook()))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("more than 10 cells");
    }

    /** Two blank rows, a header, two data rows with a formula column. */
    private static byte[] build(Workbook book) throws IOException {
        try (book) {
            Sheet sheet = book.createSheet("Data");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("hh:mm"));
            sheet.createRow(1);
            Row header = sheet.createRow(2);
            String[] names = {"Name", "Qty", "Price", "When", "At", "Ok", "Total"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            Object[][] rows = {{"Tea", 2, 3.5, LocalDate.of(2024, 5, 6), LocalTime.of(9, 30), true},
                               {"Cake", 1, 12.25, LocalDate.of(2024, 5, 7), LocalTime.of(17, 0), false}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(3 + r);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((Integer) rows[r][1]);
                row.createCell(2).setCellValue((Double) rows[r][2]);
                row.createCell(3).setCellValue((LocalDate) rows[r][3]);
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(((LocalTime) rows[r][4]).toSecondOfDay() / 86_400.0);
                row.getCell(4).setCellStyle(time);
                row.createCell(5).setCellValue((Boolean) rows[r][5]);
                row.createCell(6).setCellFormula("B" + (4 + r) + "*C" + (4 + r));
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
