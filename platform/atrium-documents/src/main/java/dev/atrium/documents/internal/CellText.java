package dev.atrium.documents.internal;

import dev.atrium.sdk.document.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** How typed table cells and whole tables read as text: plain numbers, ISO dates, rows as {@code a | b | c}. */
public final class CellText {

    private CellText() {
    }

    /** One cell as text; empty for {@code null}. */
    public static String of(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.toString();
            }
            // No scientific notation and no trailing ".0": 1.0E7 reads as 10000000.
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (cell instanceof Float f) {
            return of(f.doubleValue());
        }
        if (cell instanceof BigDecimal b) {
            return b.stripTrailingZeros().toPlainString();
        }
        return cell.toString();
    }

    /** A table as lines: the header row, then each row, cells separated by {@code " | "}. */
    public static String of(Table table) {
        StringBuilder out = new StringBuilder();
        if (!table.headers().isEmpty()) {
            out.append(String.join(" | ", table.headers()));
        }
        for (List<Object> row : table.rows()) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(row.stream().map(CellText::of).collect(Collectors.joining(" | ")));
        }
        return out.toString();
    }
}
