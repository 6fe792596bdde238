package dev.atrium.documents.internal;

import dev.atrium.sdk.document.Table;
import java.util.ArrayList;
import java.util.List;

/** Squares up read tables: every row as wide as the widest, no trailing empty columns, every column named. */
final class Tables {

    private Tables() {
    }

    static Table rectangular(String name, List<String> headers, List<List<Object>> rows) {
        int width = lastFilled(headers);
        for (List<Object> row : rows) {
            width = Math.max(width, lastFilled(row));
        }
        List<String> named = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String header = c < headers.size() && headers.get(c) != null ? headers.get(c).strip() : "";
            named.add(header.isEmpty() ? "Column " + (c + 1) : header);
        }
        List<List<Object>> squared = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> cells = new ArrayList<>(row.subList(0, Math.min(row.size(), width)));
            while (cells.size() < width) {
                cells.add(null);
            }
            squared.add(cells);
        }
        return new Table(name, named, squared);
    }

    private static int lastFilled(List<?> cells) {
        for (int c = cells.size() - 1; c >= 0; c--) {
            Object cell = cells.get(c);
            if (cell != null && !(cell instanceof String s && s.isBlank())) {
                return c + 1;
            }
        }
        return 0;
    }
}
