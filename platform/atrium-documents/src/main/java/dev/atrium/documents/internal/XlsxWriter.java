package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.document.Workbook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes an XLSX workbook, one sheet per table: typed cells (numbers stay numbers, dates get a date format),
 * a bold filled header row that stays frozen, an autofilter, column widths fitted to the content, and for the
 * requested columns a bold totals row of {@code SUM} formulas whose values are computed before saving.
 */
public final class XlsxWriter {

    private static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int WIDTH_SAMPLE_ROWS = 2000;

    /** The workbook as XLSX bytes. */
    public byte[] write(Workbook workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            SheetStyles styles = new SheetStyles(book);
            Set<String> names = new HashSet<>();
            Set<String> totals = new HashSet<>();
            workbook.totalColumns().forEach(column -> totals.add(key(column)));
            int index = 0;
            for (Table table : workbook.sheets()) {
                Sheet sheet = book.createSheet(sheetName(table.name(), ++index, names));
                sheet(sheet, table, totals, styles);
            }
            if (workbook.sheets().isEmpty()) {
                book.createSheet("Sheet1");
            }
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.setForceFormulaRecalculation(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private static void sheet(Sheet sheet, Table table, Set<String> totals, SheetStyles styles) {
        if (table.rows().size() + 2 > MAX_ROWS) {
            throw new BadInputException(String.format("the table '%s' has %,d rows; an Excel sheet holds at most %,d",
                    table.name(), table.rows().size(), MAX_ROWS - 2));
        }
        int columns = Math.max(table.headers().size(), table.rows().stream().mapToInt(List::size).max().orElse(0));
        int[] widths = new int[columns];
        Row header = sheet.createRow(0);
        header.setHeightInPoints(20);
        for (int c = 0; c < columns; c++) {
            String name = c < table.headers().size() ? table.headers().get(c) : "";
            Cell cell = header.createCell(c);
            cell.setCellValue(XmlText.clean(name));
            cell.setCellStyle(styles.header);
            widths[c] = displayWidth(name) + 3;
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<Object> values = table.rows().get(r);
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < Math.min(values.size(), columns); c++) {
                Object value = values.get(c);
                if (value != null) {
                    set(row.createCell(c), value, styles);
                    if (r < WIDTH_SAMPLE_ROWS) {
                        widths[c] = Math.max(widths[c], displayWidth(value));
                    }
                }
            }
        }
        int dataRows = table.rows().size();
        totalsRow(sheet, table, totals, columns, styles, widths);
        sheet.createFreezePane(0, 1);
        if (columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, dataRows, 0, columns - 1));
        }
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, Math.max(8, Math.min(60, widths[c] + 2)) * 256);
        }
    }

    private static void totalsRow(Sheet sheet, Table table, Set<String> totals, int columns, SheetStyles styles,
                                  int[] widths) {
        List<Integer> summed = new ArrayList<>();
        for (int c = 0; c < table.headers().size(); c++) {
            if (totals.contains(key(table.headers().get(c)))) {
                summed.add(c);
            }
        }
        if (summed.isEmpty()) {
            return;
        }
        int dataRows = table.rows().size();
        Row row = sheet.createRow(dataRows + 1);
        for (int c = 0; c < columns; c++) {
            Cell cell = row.createCell(c);
            cell.setCellStyle(styles.total);
            if (summed.contains(c)) {
                String column = CellReference.convertNumToColString(c);
                if (dataRows == 0) {
                    cell.setCellValue(0);
                } else {
                    cell.setCellFormula("SUM(" + column + "2:" + column + (dataRows + 1) + ")");
                }
            }
        }
        int label = 0;
        while (label < columns && summed.contains(label)) {
            label++;
        }
        if (label < columns) {
            row.getCell(label).setCellValue("Total");
            widths[label] = Math.max(widths[label], 6);
        }
    }

    private static void set(Cell cell, Object value, SheetStyles styles) {
        if (value instanceof Number number) {
            cell.setCellValue(number instanceof BigInteger || number instanceof BigDecimal
                    ? new BigDecimal(number.toString()).doubleValue() : number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
        } else if (value instanceof LocalDateTime dateTime) {
            dateTime(cell, dateTime, styles);
        } else if (value instanceof OffsetDateTime offset) {
            dateTime(cell, offset.toLocalDateTime(), styles);
        } else if (value instanceof ZonedDateTime zoned) {
            dateTime(cell, zoned.toLocalDateTime(), styles);
        } else if (value instanceof Instant instant) {
            dateTime(cell, LocalDateTime.ofInstant(instant, ZoneOffset.UTC), styles);
        } else if (value instanceof Date date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof LocalTime time) {
            cell.setCellValue(time.toSecondOfDay() / 86_400.0);
            cell.setCellStyle(styles.time);
        } else {
            String text = XmlText.clean(value.toString());
            cell.setCellValue(text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) : text);
        }
    }

    private static void dateTime(Cell cell, LocalDateTime value, SheetStyles styles) {
        cell.setCellValue(value);
        cell.setCellStyle(value.toLocalTime().equals(LocalTime.MIDNIGHT) ? styles.date : styles.dateTime);
    }

    /** Width in Excel character units: CJK and other wide characters take two. */
    private static int displayWidth(Object value) {
        String text = value instanceof LocalDateTime ? "yyyy-mm-dd hh:mm:ss" : CellText.of(value);
        int longestLine = 0;
        for (String line : text.split("\n")) {
            int width = 0;
            for (int i = 0; i < line.length(); i++) {
                width += Character.UnicodeScript.of(line.charAt(i)) == Character.UnicodeScript.HAN
                        || line.charAt(i) >= 0x3000 && line.charAt(i) <= 0xFFEF ? 2 : 1;
            }
            longestLine = Math.max(longestLine, width);
        }
        return longestLine;
    }

    private static String sheetName(String wanted, int index, Set<String> taken) {
        String base = wanted == null || wanted.isBlank() ? "Sheet" + index : WorkbookUtil.createSafeSheetName(wanted, '_');
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(name.toLowerCase(Locale.ROOT));
        return name;
    }

    private static String key(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
    }

    /** The few cell styles a workbook shares; Excel caps a workbook at 64,000 styles, so never one per cell. */
    private static final class SheetStyles {

        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle time;
        final CellStyle total;

        SheetStyles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setAlignment(HorizontalAlignment.CENTER);
            short dateFormat = book.createDataFormat().getFormat("yyyy-mm-dd");
            date = book.createCellStyle();
            date.setDataFormat(dateFormat);
            dateTime = book.createCellStyle();
            dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            time = book.createCellStyle();
            time.setDataFormat(book.createDataFormat().getFormat("hh:mm:ss"));
            total = book.createCellStyle();
            total.setFont(bold);
            total.setBorderTop(BorderStyle.THIN);
        }
    }
}
