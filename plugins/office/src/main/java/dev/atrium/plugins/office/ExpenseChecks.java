package dev.atrium.plugins.office;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks of one receipt that need no policy: do the figures add up, were the essential fields found, and
 * which fields are too unsure to be used without a person looking at them.
 */
final class ExpenseChecks {

    private ExpenseChecks() {
    }

    /** Runs the checks into the receipt; returns the review entries for low-confidence fields. */
    static List<Map<String, Object>> apply(Receipt receipt, int index, ExpensePolicy policy) {
        arithmetic(receipt, policy.tolerance());
        List<String> missing = new ArrayList<>();
        for (String name : List.of("vendor", "date", "total")) {
            if (!receipt.field(name).found()) {
                missing.add(name);
            }
        }
        receipt.checks.add(missing.isEmpty()
                ? new Receipt.Check("required-fields", "passed", "vendor, date and total found")
                : new Receipt.Check("required-fields", "failed", "not found: " + String.join(", ", missing)));

        List<Map<String, Object>> review = new ArrayList<>();
        List<String> unsure = new ArrayList<>();
        receipt.fields.forEach((name, field) -> {
            if (field.found() && field.confidence() < policy.reviewBelow()) {
                unsure.add(name);
                review.add(Map.of("receipt", index, "file", receipt.file, "field", name,
                        "value", field.value().toString(), "confidence", field.confidence()));
            }
        });
        receipt.checks.add(unsure.isEmpty()
                ? new Receipt.Check("confidence", "passed", "every found field is at least " + policy.reviewBelow() + " sure")
                : new Receipt.Check("confidence", "review", "queued for review: " + String.join(", ", unsure)));
        return review;
    }

    /**
     * Lines + tax + tip = total, within the tolerance for cash rounding; prices that include tax (GST/VAT
     * inclusive) pass when lines + tip = total. Subtotal + tax + tip = total is checked the same way.
     */
    static void arithmetic(Receipt receipt, BigDecimal tolerance) {
        BigDecimal total = receipt.amount("total");
        if (total == null) {
            receipt.checks.add(new Receipt.Check("arithmetic", "skipped", "no total found"));
            return;
        }
        BigDecimal tax = orZero(receipt.amount("tax"));
        BigDecimal tip = orZero(receipt.amount("tip"));
        BigDecimal subtotal = receipt.amount("subtotal");
        List<String> failures = new ArrayList<>();
        boolean checked = false;
        if (subtotal != null) {
            checked = true;
            BigDecimal sum = subtotal.add(tax).add(tip);
            if (!close(sum, total, tolerance) && !close(subtotal.add(tip), total, tolerance)) {
                failures.add("subtotal " + subtotal + " + tax " + tax + " + tip " + tip + " = " + sum + ", not " + total);
            }
        }
        List<BigDecimal> lines = receipt.lineItems.stream().map(l -> l.amount().value())
                .filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast).toList();
        if (!lines.isEmpty()) {
            checked = true;
            BigDecimal sum = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean fits = close(sum.add(tax).add(tip), total, tolerance) || close(sum.add(tip), total, tolerance)
                    || (subtotal != null && close(sum, subtotal, tolerance));
            if (!fits) {
                failures.add("line items " + sum + " + tax " + tax + " + tip " + tip + " = " + sum.add(tax).add(tip)
                        + ", not " + total);
            }
        }
        if (!checked) {
            receipt.checks.add(new Receipt.Check("arithmetic", "skipped", "no line items or subtotal to add up"));
        } else if (failures.isEmpty()) {
            receipt.checks.add(new Receipt.Check("arithmetic", "passed", "the figures add up to the total " + total));
        } else {
            receipt.checks.add(new Receipt.Check("arithmetic", "failed", String.join("; ", failures)));
        }
    }

    private static boolean close(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
