package dev.atrium.documents.internal;

import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * The typed value of a spreadsheet cell: whole numbers as {@code Long}, others as {@code Double}, booleans,
 * dates as {@code LocalDate} (or {@code LocalDateTime} with a time, {@code LocalTime} for a bare time), text as
 * {@code String}; a formula gives its cached result, an error its code such as {@code #DIV/0!}.
 */
final class SheetCells {

    // Doubles hold every integer up to 2^53 exactly; beyond that a Long would pretend to precision it lacks.
    private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992d;

    private SheetCells() {
    }

    static Object valueOf(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> numeric(cell);
            case STRING -> {
                String text = cell.getStringCellValue();
                yield text == null || text.isEmpty() ? null : text;
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            case ERROR -> errorCode(cell.getErrorCellValue());
            default -> null;
        };
    }

    private static Object numeric(Cell cell) {
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell) && DateUtil.isValidExcelDate(value)) {
            LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
            if (value < 1) {
                return dateTime.toLocalTime();
            }
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate() : dateTime;
        }
        if (value == Math.rint(value) && Math.abs(value) <= MAX_EXACT_INTEGER) {
            return (long) value;
        }
        return value;
    }

    private static String errorCode(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#ERROR";
        }
    }
}
