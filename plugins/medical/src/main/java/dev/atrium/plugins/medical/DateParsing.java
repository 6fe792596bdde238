package dev.atrium.plugins.medical;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dates the PHI guard finds, so they can be shifted or reduced to their year. */
final class DateParsing {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
            Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
            Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Pattern MDY = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{2,4})");
    private static final Pattern YMD = Pattern.compile("(\\d{4})[/.-](\\d{1,2})[/.-](\\d{1,2})");
    private static final Pattern CN = Pattern.compile("(?:(\\d{4})年)?(\\d{1,2})月(?:(\\d{1,2})[日号])?");
    private static final Pattern WORDS = Pattern.compile("(?i)(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?([a-z]{3})[a-z]*\\.?"
            + "(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?(?:,?\\s+(?:of\\s+)?(\\d{4}))?");
    /** Dates without a year are shifted within a leap year, so 29 February stays valid. */
    private static final int NO_YEAR = 2000;

    private DateParsing() {
    }

    /** The date, or null when the text is not one this reads (spoken dates: the guard uses a placeholder). */
    static LocalDate parse(String text) {
        String t = text.strip();
        try {
            Matcher m = YMD.matcher(t);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = MDY.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                if (year < 100) {
                    year += year > 40 ? 1900 : 2000;
                }
                return LocalDate.of(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = CN.matcher(t);
            if (m.matches()) {
                int year = m.group(1) != null ? Integer.parseInt(m.group(1)) : NO_YEAR;
                int day = m.group(3) != null ? Integer.parseInt(m.group(3)) : 1;
                return LocalDate.of(year, Integer.parseInt(m.group(2)), day);
            }
            m = WORDS.matcher(t);
            if (m.matches()) {
                Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                String day = m.group(1) != null ? m.group(1) : m.group(3);
                if (month == null) {
                    return null;
                }
                int year = m.group(4) != null ? Integer.parseInt(m.group(4)) : NO_YEAR;
                return LocalDate.of(year, month, day != null ? Integer.parseInt(day) : 1);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** Whether the written date names its year. */
    static boolean hasYear(String text) {
        return text.matches("(?s).*(?:\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2}).*");
    }
}
