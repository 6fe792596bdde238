package dev.atrium.documents.internal;

import dev.atrium.documents.DocumentLimits;
import dev.atrium.sdk.BadInputException;

/**
 * What one read may still consume: characters, cells and time. Readers charge it as they go, so an oversized
 * or pathological document stops early with a clear message instead of exhausting memory or hanging.
 */
public final class ReadBudget {

    private final DocumentLimits limits;
    private final long deadlineNanos;
    private long chars;
    private long cells;

    /** Starts the clock for one read. */
    public ReadBudget(DocumentLimits limits) {
        this.limits = limits;
        this.deadlineNanos = System.nanoTime() + limits.maxReadTime().toNanos();
    }

    /** The limits this budget enforces. */
    public DocumentLimits limits() {
        return limits;
    }

    /** Charges extracted text; also checks the clock. */
    public void chargeText(int length) {
        chars += length;
        if (chars > limits.maxTextChars()) {
            throw new BadInputException(String.format(
                    "the document has more than %,d characters of text, the most read at once; split it into smaller files",
                    limits.maxTextChars()));
        }
        checkTime();
    }

    /** Charges sheet cells; also checks the clock. */
    public void chargeCells(int count) {
        cells += count;
        if (cells > limits.maxSheetCells()) {
            throw new BadInputException(String.format(
                    "the workbook has more than %,d cells, the most read at once; split it into smaller files",
                    limits.maxSheetCells()));
        }
        checkTime();
    }

    /** Fails once the read has run out of time. */
    public void checkTime() {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new BadInputException("reading the document took longer than " + limits.maxReadTime().toSeconds()
                    + " s; it may be damaged or too complex");
        }
    }
}
