package dev.atrium.documents;

import java.time.Duration;
import java.util.Objects;

/**
 * How much one {@link OfficeDocumentKit#read read} may take in. A document over any limit is refused with a
 * {@link dev.atrium.sdk.BadInputException} that names the limit, rather than read in part.
 *
 * @param maxInputBytes largest file accepted
 * @param maxPdfPages most pages of a PDF
 * @param maxSheetRows most rows of one sheet or CSV file
 * @param maxSheetCells most cells of all sheets of a workbook together
 * @param maxTextChars most characters of extracted text
 * @param maxReadTime longest a read may run; checked between pages, rows and paragraphs
 */
public record DocumentLimits(long maxInputBytes, int maxPdfPages, int maxSheetRows, long maxSheetCells,
                             int maxTextChars, Duration maxReadTime) {

    /** 100 MB, 500 pages, 200,000 rows, 5 million cells, 20 million characters, 10 minutes. */
    public static final DocumentLimits DEFAULTS = new DocumentLimits(
            100L * 1024 * 1024, 500, 200_000, 5_000_000, 20_000_000, Duration.ofMinutes(10));

    /** Checks every limit is positive. */
    public DocumentLimits {
        Objects.requireNonNull(maxReadTime, "maxReadTime");
        if (maxInputBytes <= 0 || maxPdfPages <= 0 || maxSheetRows <= 0 || maxSheetCells <= 0 || maxTextChars <= 0
                || maxReadTime.isNegative() || maxReadTime.isZero()) {
            throw new IllegalArgumentException("document limits must be positive: " + maxInputBytes + ", "
                    + maxPdfPages + ", " + maxSheetRows + ", " + maxSheetCells + ", " + maxTextChars + ", "
                    + maxReadTime);
        }
    }

    /** These limits with another largest file size. */
    public DocumentLimits withMaxInputBytes(long bytes) {
        return new DocumentLimits(bytes, maxPdfPages, maxSheetRows, maxSheetCells, maxTextChars, maxReadTime);
    }

    /** These limits with another page limit. */
    public DocumentLimits withMaxPdfPages(int pages) {
        return new DocumentLimits(maxInputBytes, pages, maxSheetRows, maxSheetCells, maxTextChars, maxReadTime);
    }

    /** These limits with other row and cell limits. */
    public DocumentLimits withMaxSheetSize(int rows, long cells) {
        return new DocumentLimits(maxInputBytes, maxPdfPages, rows, cells, maxTextChars, maxReadTime);
    }

    /** These limits with another text limit. */
    public DocumentLimits withMaxTextChars(int chars) {
        return new DocumentLimits(maxInputBytes, maxPdfPages, maxSheetRows, maxSheetCells, chars, maxReadTime);
    }

    /** These limits with another time limit. */
    public DocumentLimits withMaxReadTime(Duration time) {
        return new DocumentLimits(maxInputBytes, maxPdfPages, maxSheetRows, maxSheetCells, maxTextChars, time);
    }
}
