package dev.atrium.plugins.office;

import dev.atrium.sdk.model.OcrResult;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One extracted value of a receipt with where it was read and how sure the reader is. Every field of the
 * {@code expenses} result has this shape, found or not, so a client can highlight it or queue it for review.
 *
 * @param value the value (text, ISO date, a {@code BigDecimal} amount), or {@code null} when not found
 * @param confidence 0 to 1
 * @param box {@code [x, y, width, height]} in the page image's pixels, or {@code null} when unknown
 * @param page 1-based page of the file the value is on
 */
record ReceiptField(Object value, double confidence, int[] box, int page) {

    ReceiptField {
        confidence = Math.max(0, Math.min(1, Math.round(confidence * 100) / 100.0));
    }

    static ReceiptField missing(int page) {
        return new ReceiptField(null, 0, null, page);
    }

    static ReceiptField of(Object value, double confidence, OcrResult.Box box, int page) {
        return new ReceiptField(value, confidence, box == null ? null
                : new int[] {box.x(), box.y(), box.width(), box.height()}, page);
    }

    boolean found() {
        return value != null;
    }

    Map<String, Object> toResult() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("value", value);
        out.put("confidence", confidence);
        out.put("box", box == null ? null : Arrays.stream(box).boxed().toList());
        out.put("page", page);
        return out;
    }

    /** The smallest box around both, for a value read from several words. */
    static OcrResult.Box union(List<OcrResult.Box> boxes) {
        if (boxes.isEmpty()) {
            return null;
        }
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (OcrResult.Box b : boxes) {
            x0 = Math.min(x0, b.x());
            y0 = Math.min(y0, b.y());
            x1 = Math.max(x1, b.x() + b.width());
            y1 = Math.max(y1, b.y() + b.height());
        }
        return new OcrResult.Box(x0, y0, x1 - x0, y1 - y0);
    }
}
