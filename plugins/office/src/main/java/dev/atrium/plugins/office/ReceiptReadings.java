package dev.atrium.plugins.office;

import dev.atrium.sdk.model.OcrResult;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Two OCR readings of one page (grey and black-and-white) merged into one receipt: each field from the
 * surer reading; where the totals differ, the one its own receipt confirms (subtotal + tax, cash - change),
 * else the one the other reading also printed somewhere, else the surer one.
 */
final class ReceiptReadings {

    /** Below this, a receipt's total or a missing vendor or date is worth a second reading. */
    static final double SECOND_LOOK_BELOW = 0.7;

    private ReceiptReadings() {
    }

    static boolean wantsSecondLook(Receipt receipt) {
        return receipt.field("total").confidence() < SECOND_LOOK_BELOW || !receipt.field("date").found()
                || !receipt.field("vendor").found();
    }

    static Receipt merge(Receipt first, OcrResult firstOcr, Receipt second, OcrResult secondOcr) {
        BigDecimal a = first.amount("total");
        BigDecimal b = second.amount("total");
        Receipt base = first;
        Receipt other = second;
        if (a == null && b != null) {
            base = second;
            other = first;
        } else if (a != null && b != null && a.compareTo(b) != 0 && first.totalConfirmed != second.totalConfirmed) {
            if (second.totalConfirmed) {
                base = second;
                other = first;
            }
        } else if (a != null && b != null && a.compareTo(b) != 0) {
            boolean aSeenInSecond = printed(secondOcr, a);
            boolean bSeenInFirst = printed(firstOcr, b);
            if (bSeenInFirst && !aSeenInSecond
                    || bSeenInFirst == aSeenInSecond && second.field("total").confidence() > first.field("total").confidence()) {
                base = second;
                other = first;
            }
        }
        // Line items and the total come with the reading chosen; other fields from whichever is surer.
        for (Map.Entry<String, ReceiptField> e : other.fields.entrySet()) {
            if (e.getKey().equals("total")) {
                continue;
            }
            ReceiptField mine = base.field(e.getKey());
            ReceiptField theirs = e.getValue();
            if (theirs.found() && (!mine.found() || theirs.confidence() > mine.confidence() + 0.05)) {
                base.set(e.getKey(), theirs);
            }
        }
        return base;
    }

    private static boolean printed(OcrResult ocr, BigDecimal amount) {
        return ReceiptRows.of(ocr).stream().flatMap(r -> ReceiptValues.amounts(r.text()).stream())
                .anyMatch(x -> x.value().compareTo(amount) == 0);
    }
}
