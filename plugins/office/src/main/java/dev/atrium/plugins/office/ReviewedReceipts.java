package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receipts handed back after review: the {@code receipts[]} of an {@code expenses} result, with fields a person
 * corrected and an {@code approved} flag per receipt. A field is either the result's object
 * ({@code {"value": …, "confidence": …, "box": …, "page": …}}) or a bare value, which counts as typed by the
 * reviewer (confidence 1, no box). Values are checked as strictly as the reader's own: amounts are numbers,
 * dates ISO, currencies ISO 4217 codes, categories the six the report totals by; anything else is a bad input
 * naming the receipt and field, so a typo never reaches the report.
 */
final class ReviewedReceipts {

    static final int MAX_RECEIPTS = 500;
    static final Set<String> AMOUNTS = Set.of("subtotal", "tax", "tip", "total");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReviewedReceipts() {
    }

    static List<Receipt> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new BadInputException("receipts", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root != null && root.isObject() && root.get("receipts") != null) {
            root = root.get("receipts"); // the whole expenses result is accepted too
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new BadInputException("receipts", "give a JSON array of receipts, as in an expenses result's receipts");
        }
        if (root.size() > MAX_RECEIPTS) {
            throw new BadInputException("receipts", root.size() + " receipts; at most " + MAX_RECEIPTS + " per report");
        }
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            receipts.add(receipt(root.get(i), "receipt " + (i + 1)));
        }
        return receipts;
    }

    private static Receipt receipt(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInputException("receipts", where + " is not an object");
        }
        String file = node.hasNonNull("file") ? node.get("file").asString() : where;
        int page = node.hasNonNull("page") && node.get("page").canConvertToInt() ? node.get("page").asInt() : 1;
        Receipt receipt = new Receipt(file, page);
        if (node.path("pages").isArray() && !node.path("pages").isEmpty()) {
            receipt.pages.clear();
            node.get("pages").forEach(p -> receipt.pages.add(p.asInt()));
        }
        if (node.hasNonNull("engine")) {
            receipt.engine = node.get("engine").asString();
        }
        if (node.hasNonNull("approved")) {
            if (!node.get("approved").isBoolean()) {
                throw new BadInputException("receipts", where + ": approved must be true or false");
            }
            receipt.approved = node.get("approved").booleanValue();
        }
        for (String name : Receipt.FIELDS) {
            receipt.set(name, field(node.get(name), name, page, where));
        }
        if (node.path("lineItems").isArray()) {
            int n = 0;
            for (JsonNode item : node.get("lineItems")) {
                String at = where + " line item " + (++n);
                receipt.lineItems.add(new Receipt.LineItem(field(item.get("description"), "description", page, at),
                        field(item.get("quantity"), "quantity", page, at), field(item.get("unitPrice"), "unitPrice", page, at),
                        field(item.get("amount"), "amount", page, at)));
            }
        }
        // A duplicate of a receipt claimed in an earlier report was found when it was read; the review keeps it.
        if (node.path("violations").isArray()) {
            for (JsonNode v : node.get("violations")) {
                String message = v.hasNonNull("message") ? v.get("message").asString() : "";
                if ("duplicate".equals(v.path("rule").asString("")) && DuplicateReceipts.againstEarlier(message)) {
                    boolean blocking = "blocking".equals(v.path("severity").asString(""));
                    receipt.violations.add(new Receipt.Violation("duplicate",
                            blocking ? Receipt.Severity.BLOCKING : Receipt.Severity.WARNING, message));
                    receipt.checks.add(new Receipt.Check("duplicate", "failed", message));
                }
            }
        }
        return receipt;
    }

    private static ReceiptField field(JsonNode node, String name, int page, String where) {
        if (node == null || node.isNull()) {
            return ReceiptField.missing(page);
        }
        JsonNode value = node;
        double confidence = 1;
        int[] box = null;
        int onPage = page;
        if (node.isObject()) {
            value = node.get("value");
            confidence = node.path("confidence").isNumber() ? node.get("confidence").asDouble() : 1;
            JsonNode b = node.path("box");
            if (b.isArray() && b.size() == 4) {
                box = new int[] {b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()};
            }
            onPage = node.path("page").canConvertToInt() ? node.get("page").asInt() : page;
        }
        if (value == null || value.isNull() || value.isString() && value.asString().isBlank()) {
            return ReceiptField.missing(onPage);
        }
        return new ReceiptField(value(value, name, where), confidence, box, onPage);
    }

    private static Object value(JsonNode value, String name, String where) {
        String text = value.isNumber() ? value.decimalValue().toPlainString() : value.asString().strip();
        if (AMOUNTS.contains(name) || name.equals("quantity") || name.equals("unitPrice") || name.equals("amount")) {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : ReceiptValues.parseAmount(text);
            if (amount == null) {
                throw new BadInputException("receipts", where + ": " + name + " '" + text + "' is not an amount");
            }
            return amount;
        }
        switch (name) {
            case "date" -> {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    throw new BadInputException("receipts", where + ": date '" + text + "' is not yyyy-MM-dd");
                }
            }
            case "currency" -> {
                String code = text.toUpperCase(Locale.ROOT);
                if (!code.matches("[A-Z]{3}")) {
                    throw new BadInputException("receipts", where + ": currency '" + text + "' is not an ISO 4217 code");
                }
                return code;
            }
            case "category" -> {
                String category = text.toLowerCase(Locale.ROOT);
                if (!ExpensesSkill.CATEGORIES.contains(category)) {
                    throw new BadInputException("receipts", where + ": category '" + text + "' is not one of "
                            + String.join(", ", ExpensesSkill.CATEGORIES));
                }
                return category;
            }
            default -> {
                return text;
            }
        }
    }
}
