package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads every sheet of an XLSX or XLS workbook as a typed {@link Table}: the first non-empty row is the header,
 * later non-empty rows are data. Each sheet is also a section named after it.
 */
public final class SheetReader {

    /** Extracts every sheet. */
    public ExtractedDocument read(byte[] content, ReadBudget budget) throws IOException {
        OoxmlGuards.apply();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            SectionBuilder out = new SectionBuilder(budget);
            DataFormatter formatter = new DataFormatter();
            for (Sheet sheet : workbook) {
                Table table = sheet(sheet, formatter, budget);
                out.table(table);
                String text = CellText.of(table);
                out.section(sheet.getSheetName(), 1, text, text.isEmpty() ? "" : sheet.getSheetName() + "\n" + text);
            }
            return out.build(0);
        }
    }

    private static Table sheet(Sheet sheet, DataFormatter formatter, ReadBudget budget) {
        int maxRows = budget.limits().maxSheetRows();
        if (sheet.getLastRowNum() - sheet.getFirstRowNum() + 1 > maxRows) {
            throw new BadInputException(String.format(
                    "the sheet '%s' has more than %,d rows, the most read at once; split it into smaller files",
                    sheet.getSheetName(), maxRows));
        }
        List<String> headers = null;
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : sheet) {
            int width = Math.max(row.getLastCellNum(), 0);
            budget.chargeCells(width);
            if (headers == null) {
                headers = headerRow(row, width, formatter);
                continue;
            }
            List<Object> cells = new ArrayList<>(width);
            boolean empty = true;
            for (int c = 0; c < width; c++) {
                Object value = SheetCells.valueOf(row.getCell(c));
                empty &= value == null || value instanceof String s && s.isBlank();
                cells.add(value);
            }
            if (!empty) {
                rows.add(cells);
            }
        }
        if (headers == null) {
            return new Table(sheet.getSheetName(), List.of(), List.of());
        }
        return Tables.rectangular(sheet.getSheetName(), headers, rows);
    }

    /** The header cells as shown in Excel, or null for an empty row (the header is the first non-empty row). */
    private static List<String> headerRow(Row row, int width, DataFormatter formatter) {
        List<String> headers = new ArrayList<>(width);
        boolean empty = true;
        for (int c = 0; c < width; c++) {
            Cell cell = row.getCell(c);
            String text = cell == null ? "" : formatter.formatCellValue(cell).strip();
            empty &= text.isEmpty();
            headers.add(text);
        }
        return empty ? null : headers;
    }
}
