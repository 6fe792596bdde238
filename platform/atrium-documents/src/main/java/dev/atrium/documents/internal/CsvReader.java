package dev.atrium.documents.internal;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV or TSV file as one typed {@link Table} named after the file: delimiter detected (tab for TSV),
 * the first non-empty record is the header, fields typed by {@link CsvValues}.
 */
public final class CsvReader {

    /** Extracts the table from decoded text. */
    public ExtractedDocument read(String text, String name, boolean tabSeparated, ReadBudget budget) {
        char delimiter = tabSeparated ? '\t' : DelimiterDetector.detect(text);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        int maxRows = budget.limits().maxSheetRows();
        List<String> headers = null;
        List<List<Object>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                budget.chargeCells(record.size());
                if (headers == null) {
                    List<String> fields = record.toList().stream().map(String::strip).toList();
                    if (fields.stream().allMatch(String::isEmpty)) {
                        continue;
                    }
                    headers = fields;
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new BadInputException(String.format(
                            "'%s' has more than %,d rows, the most read at once; split it into smaller files",
                            name, maxRows));
                }
                List<Object> cells = new ArrayList<>(record.size());
                boolean empty = true;
                for (String field : record) {
                    Object value = CsvValues.valueOf(field);
                    empty &= value == null;
                    cells.add(value);
                }
                if (!empty) {
                    rows.add(cells);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BadInputException(null, "'" + name + "' is not valid CSV: " + rootMessage(e), e);
        }
        Table table = headers == null ? new Table(baseName(name), List.of(), List.of())
                : Tables.rectangular(baseName(name), headers, rows);
        SectionBuilder out = new SectionBuilder(budget);
        out.table(table);
        String tableText = CellText.of(table);
        out.section("", 0, tableText, tableText);
        return out.build(0);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? "malformed record" : root.getMessage();
    }

    private static String baseName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String file = name.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
