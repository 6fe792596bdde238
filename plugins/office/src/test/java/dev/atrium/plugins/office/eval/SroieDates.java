package dev.atrium.plugins.office.eval;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Key dates of SROIE as ISO: {@code 25/12/2018}, {@code 12-01-19}, {@code 12/28/2017}, {@code 05 MAR 2018}. */
final class SroieDates {

    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{2,4})");
    private static final Pattern NAMED = Pattern.compile("(\\d{1,2})\\s*([A-Z]{3})[A-Z]*\\s*(\\d{2,4})");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));

    private SroieDates() {
    }

    static String iso(String value) {
        String v = value.toUpperCase(Locale.ROOT).strip();
        try {
            Matcher m = NUMERIC.matcher(v);
            if (m.find()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                int y = year(m.group(3));
                return (b > 12 ? LocalDate.of(y, a, b) : LocalDate.of(y, b, a)).toString();
            }
            m = NAMED.matcher(v);
            if (m.find() && MONTHS.containsKey(m.group(2))) {
                return LocalDate.of(year(m.group(3)), MONTHS.get(m.group(2)), Integer.parseInt(m.group(1))).toString();
            }
        } catch (DateTimeException e) {
            return v;
        }
        return v.replaceAll("\\s+", "");
    }

    private static int year(String y) {
        return y.length() == 2 ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
    }
}
