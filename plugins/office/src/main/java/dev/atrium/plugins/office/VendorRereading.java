package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import java.util.List;
import java.util.function.Function;

/**
 * The vendor's row read again, by another recognition model, when no reading of the page was sure of one of its
 * words. A shop's name is a proper noun that English's language model pulls towards English words and shapes
 * ("HOME DECO" read as "HOME BECO", "MR D.I.Y." as "MR O.1.¥."); a model trained on other text misreads other
 * letters, so a third reading outvotes a misread letter more often than the page's two readings, which share
 * one model, can. The row is read with a row's height of the page above and below it, enlarged as the page
 * was, so that it looks to OCR as it did on the page.
 */
final class VendorRereading {

    /** A word read with less confidence than this by every reading makes the row worth reading again. */
    static final double UNSURE_BELOW = 70;
    /** Rows of the page read with the vendor's, above and below it, in heights of the vendor's row. */
    static final double MARGIN_ROWS = 1.2;

    private VendorRereading() {
    }

    /**
     * Whether the vendor was read from a single row with a word no reading was sure of. Chinese names (a
     * 发票's 销售方) are read by another model already, and are left alone.
     */
    static boolean wanted(Receipt receipt, List<OcrResult> readings) {
        List<ReceiptRows.Row> rows = ReceiptReadings.vendorRows(receipt, readings);
        if (rows.isEmpty() || !(receipt.field("vendor").value() instanceof String name)
                || ReceiptReadings.sourceRow(name, rows) == null
                || name.codePoints().anyMatch(ReceiptRows::isHan)) {
            return false;
        }
        for (int i = 0; i < rows.get(0).words().size(); i++) {
            int word = i;
            double surest = rows.stream().mapToDouble(r -> r.words().get(word).confidence()).max().orElse(0);
            if (surest < UNSURE_BELOW) {
                return true;
            }
        }
        return false;
    }

    /**
     * The receipt with its vendor voted across the page's readings and the vendor's rows read again.
     *
     * @param scale the enlargement the page was read at
     * @param ocr reads an image with the other model
     */
    static Receipt reread(Receipt receipt, List<OcrResult> readings, ReceiptPages.Page page, double scale,
                          Function<Media, OcrResult> ocr) {
        int[] box = receipt.field("vendor").box();
        int top = (int) Math.floor(box[1] - MARGIN_ROWS * box[3]);
        int bottom = (int) Math.ceil(box[1] + box[3] + MARGIN_ROWS * box[3]);
        OcrImage.Prepared rows = OcrImage.band(page, top, bottom, scale);
        OcrResult again = OcrImage.scaleBack(ocr.apply(rows.media()), rows.scale(), Math.max(0, top));
        return ReceiptReadings.withVotedVendor(receipt, readings, again);
    }
}
