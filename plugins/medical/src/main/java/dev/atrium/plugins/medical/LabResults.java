package dev.atrium.plugins.medical;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.document.Table;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Lab rows (test, value, unit, optional reference range) read from tables or pasted text, converted to each
 * known test's reporting unit and flagged normal, high, low or critical against the range given with the data,
 * else the built-in one.
 */
final class LabResults {

    /**
     * One flagged result.
     *
     * @param test the test's name (the built-in label when known)
     * @param value the value in {@code unit}
     * @param unit the reporting unit after conversion
     * @param range the range it was judged against, as text
     * @param flag normal, high, low, critical or unflagged (unknown test without a range)
     * @param reported the row as given, value and unit
     * @param critical for a critical value, "high" or "low"; empty otherwise
     */
    record Lab(String test, double value, String unit, String range, String flag, String reported, String critical) {

        /** "Potassium 6.9 mmol/L (critical high; range 3.5–5.1)". */
        String describe() {
            String v = format(value) + (unit.isEmpty() ? "" : " " + unit);
            String what = critical.isEmpty() ? flag : "critical " + critical;
            return test + " " + v + " (" + what + (range.isEmpty() ? "" : "; range " + range) + ")";
        }
    }

    private static final Pattern NUMBER = Pattern.compile("([<>≤≥]?)\\s*(-?\\d+(?:[.,]\\d+)?)");
    private static final Pattern RANGE = Pattern.compile(
            "^\\s*(?:(-?\\d+(?:\\.\\d+)?)\\s*(?:-|–|~|to|～|—)\\s*(-?\\d+(?:\\.\\d+)?)|([<≤])\\s*(\\d+(?:\\.\\d+)?)|([>≥])\\s*(\\d+(?:\\.\\d+)?))\\s*$");
    private static final Pattern PASTED_ROW = Pattern.compile(
            "^\\s*([^\\d<>≤≥:：]+?)\\s*[:：]?\\s*([<>≤≥]?\\s*-?\\d+(?:\\.\\d+)?)\\s*"
                    + "((?![HLhl↑↓*]{1,2}(?:\\s|$))[^\\s(\\[]*[A-Za-zµμ%/][^\\s(\\[]*)?\\s*"
                    + "(?:[(\\[]?\\s*(?:ref(?:erence)?(?: range)?|range|参考范围|参考值)?[:：]?\\s*"
                    + "((?:-?\\d+(?:\\.\\d+)?\\s*(?:-|–|~|to|～)\\s*-?\\d+(?:\\.\\d+)?)|[<>≤≥]\\s*\\d+(?:\\.\\d+)?)\\s*[)\\]]?)?"
                    + "\\s*(?:[HLhl*↑↓]{1,2})?\\s*$");

    private LabResults() {
    }

    /** Rows of tables whose header names a test and a value column; other tables are ignored. */
    static List<Lab> fromTables(List<Table> tables, String sex, String inputId) {
        List<Lab> labs = new ArrayList<>();
        for (Table table : tables) {
            int test = column(table.headers(), "test", "name", "analyte", "item", "项目", "检验项目", "检查项目", "名称");
            int value = column(table.headers(), "value", "result", "结果", "数值", "检测值");
            if (test < 0 || value < 0) {
                continue;
            }
            int unit = column(table.headers(), "unit", "units", "单位");
            int range = column(table.headers(), "range", "reference", "ref", "normal", "参考", "参考范围", "参考值");
            for (List<Object> row : table.rows()) {
                String name = cell(row, test);
                String v = cell(row, value);
                if (name.isBlank() && v.isBlank()) {
                    continue;
                }
                labs.add(lab(name, v, cell(row, unit), cell(row, range), sex, inputId));
            }
        }
        return labs;
    }

    /**
     * Pasted rows: CSV/TSV with a header (test,value,unit,range), or one result per line such as
     * {@code K 6.9 mmol/L (3.5-5.1)} or {@code 血钾 6.9 mmol/L 3.5-5.1}.
     */
    static List<Lab> fromText(String text, String sex, String inputId) {
        String first = text.strip().lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (first.matches(".*(test|项目|name).*[,\\t].*(value|result|结果).*")) {
            char delimiter = first.contains("\t") ? '\t' : ',';
            try {
                List<CSVRecord> records = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get()
                        .parse(new StringReader(text.strip())).getRecords();
                List<String> headers = records.get(0).toList();
                List<List<Object>> rows = new ArrayList<>();
                for (CSVRecord r : records.subList(1, records.size())) {
                    rows.add(new ArrayList<>(r.toList()));
                }
                return fromTables(List.of(new Table("labs", headers, rows)), sex, inputId);
            } catch (IOException | RuntimeException e) {
                throw new BadInputException(inputId, "the lab rows cannot be read as CSV: " + e.getMessage(), e);
            }
        }
        List<Lab> labs = new ArrayList<>();
        int line = 0;
        for (String row : text.split("\\R")) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            Matcher m = PASTED_ROW.matcher(row);
            if (!m.matches()) {
                throw new BadInputException(inputId, "lab row " + line + " is not 'test value unit [range]': " + row.strip());
            }
            labs.add(lab(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), m.group(4) == null ? "" : m.group(4),
                    sex, inputId));
        }
        return labs;
    }

    /** Reads, converts and flags one row. */
    static Lab lab(String name, String rawValue, String unit, String range, String sex, String inputId) {
        String testName = name.strip();
        if (testName.isEmpty()) {
            throw new BadInputException(inputId, "a lab row has a value but no test name: " + rawValue);
        }
        Matcher number = NUMBER.matcher(rawValue.replace(',', '.'));
        if (!number.find()) {
            throw new BadInputException(inputId, "lab '" + testName + "' has no numeric value: '" + rawValue + "'");
        }
        double value = Double.parseDouble(number.group(2));
        String reported = (rawValue.strip() + " " + unit.strip()).strip();
        Optional<LabTest> known = LabTest.byName(testName);
        double[] given = range(range);
        if (known.isEmpty()) {
            String flag = given == null ? "unflagged" : flag(value, given[0], given[1], null, null);
            return new Lab(testName, value, unit.strip(), range.strip(), flag, reported, "");
        }
        LabTest test = known.get();
        Optional<Double> factor = test.factor(unit);
        if (factor.isEmpty()) {
            throw new BadInputException(inputId, "lab '" + testName + "' is in an unknown unit '" + unit.strip()
                    + "'; use " + (test.unit.isEmpty() ? "no unit" : test.unit)
                    + (test.factors.isEmpty() ? "" : " or one of " + test.factors.keySet()));
        }
        double f = factor.get();
        double converted = round(value * f);
        double low;
        double high;
        String rangeText;
        if (given != null) {
            // A laboratory's range is in the row's own unit.
            low = given[0] * f;
            high = given[1] * f;
            rangeText = range.strip() + (unit.isBlank() || f == 1.0 ? "" : " " + unit.strip());
        } else {
            low = test.low(sex);
            high = test.high(sex);
            rangeText = format(low) + "–" + format(high);
        }
        String flag = flag(converted, low, high, test.criticalLow, test.criticalHigh);
        String critical = "";
        if ("critical".equals(flag)) {
            critical = test.criticalHigh != null && converted >= test.criticalHigh ? "high" : "low";
        }
        return new Lab(test.label, converted, test.unit, rangeText, flag, reported, critical);
    }

    private static String flag(double value, double low, double high, Double criticalLow, Double criticalHigh) {
        if (criticalLow != null && value <= criticalLow || criticalHigh != null && value >= criticalHigh) {
            return "critical";
        }
        if (value < low) {
            return "low";
        }
        return value > high ? "high" : "normal";
    }

    /** {low, high} of "3.5-5.1", "<5" or ">60"; null when absent or unreadable. */
    static double[] range(String range) {
        if (range == null || range.isBlank()) {
            return null;
        }
        Matcher m = RANGE.matcher(range.replace(',', '.'));
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        }
        if (m.group(3) != null) {
            return new double[] {Double.NEGATIVE_INFINITY, Double.parseDouble(m.group(4))};
        }
        return new double[] {Double.parseDouble(m.group(6)), Double.POSITIVE_INFINITY};
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.valueOf(round(v));
    }

    private static double round(double v) {
        double scale = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 10 ? 10 : 100;
        return Math.round(v * scale) / scale;
    }

    private static int column(List<String> headers, String... names) {
        for (int i = 0; i < headers.size(); i++) {
            String h = headers.get(i) == null ? "" : headers.get(i).strip().toLowerCase(Locale.ROOT);
            for (String n : names) {
                if (h.equals(n) || h.startsWith(n + " ") || h.startsWith(n + "(") || (n.length() > 3 && h.contains(n))) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String cell(List<Object> row, int i) {
        if (i < 0 || i >= row.size() || row.get(i) == null) {
            return "";
        }
        Object v = row.get(i);
        if (v instanceof Double d) {
            return format(d);
        }
        return v.toString();
    }
}
