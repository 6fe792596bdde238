package dev.atrium.sdk.document;

import java.util.List;

/**
 * A table: a name, column headers and rows of typed cells (strings, numbers, booleans, dates).
 *
 * @param name sheet or caption name, may be empty
 * @param headers column headers
 * @param rows rows of cells; a cell may be {@code null}
 * @since 0.1
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    /** Copies the lists; cells may be null, so rows are copied as unmodifiable views. */
    public Table {
        name = name == null ? "" : name;
        headers = List.copyOf(headers);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
