package dev.atrium.plugins.office;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One receipt or invoice read from a page of an uploaded file: its fields, line items, and what the checks
 * found. Mutable while the skill fills it in; {@link #toResult()} gives the contract's JSON shape.
 */
final class Receipt {

    /** The fields of the contract, in result order. */
    static final List<String> FIELDS = List.of("vendor", "address", "date", "time", "currency", "subtotal", "tax",
            "tip", "total", "paymentMethod", "category", "invoiceCode", "invoiceNumber");

    /** Severity of a policy violation: a warning lets the report through, blocking stops reimbursement. */
    enum Severity { WARNING, BLOCKING }

    record Check(String name, String status, String message) {
        Map<String, Object> toResult() {
            return Map.of("name", name, "status", status, "message", message);
        }
    }

    record Violation(String rule, Severity severity, String message) {
        Map<String, Object> toResult() {
            return Map.of("rule", rule, "severity", severity.name().toLowerCase(java.util.Locale.ROOT),
                    "message", message);
        }
    }

    record LineItem(ReceiptField description, ReceiptField quantity, ReceiptField unitPrice, ReceiptField amount) {
        Map<String, Object> toResult() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("description", description.toResult());
            out.put("quantity", quantity.toResult());
            out.put("unitPrice", unitPrice.toResult());
            out.put("amount", amount.toResult());
            return out;
        }
    }

    final String file;
    final int page;
    final Map<String, ReceiptField> fields = new LinkedHashMap<>();
    final List<LineItem> lineItems = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    final List<Violation> violations = new ArrayList<>();
    /** Whether another figure of the receipt (subtotal + tax, cash - change, a repeat) confirms the total. */
    boolean totalConfirmed;
    /** Whether the total is only the largest amount: no label or print size said so. */
    boolean totalGuessed;
    /** Cash handed over less the change, when both were read: a reading aid, not part of the result. */
    BigDecimal paidLessChange;
    /** The pages of the file the receipt spans, in order: its own page, and more when it continues. */
    final List<Integer> pages = new ArrayList<>();
    /** What read it: the OCR engine, the PDF's text layer, the vision model (several for a mixed receipt). */
    String engine;
    /** A reviewer's decision ({@code expense-report}), or null while nobody has reviewed it. */
    Boolean approved;

    Receipt(String file, int page) {
        this.file = file;
        this.page = page;
        pages.add(page);
        for (String name : FIELDS) {
            fields.put(name, ReceiptField.missing(page));
        }
    }

    ReceiptField field(String name) {
        return fields.getOrDefault(name, ReceiptField.missing(page));
    }

    void set(String name, ReceiptField value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    String text(String name) {
        Object value = field(name).value();
        return value == null ? null : value.toString();
    }

    BigDecimal amount(String name) {
        return field(name).value() instanceof BigDecimal amount ? amount : null;
    }

    boolean blocked() {
        return violations.stream().anyMatch(v -> v.severity() == Severity.BLOCKING);
    }

    Map<String, Object> toResult() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file);
        out.put("page", page);
        out.put("pages", List.copyOf(pages));
        if (engine != null) {
            out.put("engine", engine);
        }
        fields.forEach((name, field) -> out.put(name, field.toResult()));
        out.put("lineItems", lineItems.stream().map(LineItem::toResult).toList());
        if (approved != null) {
            out.put("approved", approved);
        }
        out.put("checks", checks.stream().map(Check::toResult).toList());
        out.put("violations", violations.stream().map(Violation::toResult).toList());
        return out;
    }
}
