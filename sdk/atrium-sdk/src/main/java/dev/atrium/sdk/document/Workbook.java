package dev.atrium.sdk.document;

import java.util.List;

/**
 * An XLSX workbook to write: one sheet per table, with a styled frozen header row and autofilter.
 *
 * @param sheets the sheets
 * @param totalColumns headers of numeric columns that get a SUM formula row
 * @since 0.1
 */
public record Workbook(List<Table> sheets, List<String> totalColumns) {

    /** Copies the lists. */
    public Workbook {
        sheets = List.copyOf(sheets);
        totalColumns = totalColumns == null ? List.of() : List.copyOf(totalColumns);
    }
}
