package dev.atrium.documents.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.DateTimeException;
import java.util.regex.Pattern;

/**
 * Types a CSV field: whole numbers as {@code Long}, decimals as {@code Double}, {@code true}/{@code false}, ISO
 * dates and {@code yyyy/M/d} dates as {@code LocalDate}, date-times as {@code LocalDateTime}; everything else
 * stays text. Numbers with leading zeros ({@code 007}, postcodes, ids) stay text on purpose.
 */
final class CsvValues {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private CsvValues() {
    }

    static Object valueOf(String field) {
        String text = field.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            if (ISO_DATE.matcher(text).matches()) {
                return LocalDate.parse(text);
            }
            var slash = SLASH_DATE.matcher(text);
            if (slash.matches()) {
                return LocalDate.of(Integer.parseInt(slash.group(1)), Integer.parseInt(slash.group(2)),
                        Integer.parseInt(slash.group(3)));
            }
            if (DATE_TIME.matcher(text).matches()) {
                return LocalDateTime.parse(text.replace(' ', 'T'));
            }
        } catch (DateTimeException e) {
            return text;
        }
        return text;
    }
}
