package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.OcrResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Fields the page's readings were unsure of, or read differently, read again by another recognition model: the
 * vendor's row and the date. A shop's name is a proper noun that English's language model pulls towards English words and shapes
 * ("HOME DECO" read as "HOME BECO", "MR D.I.Y." as "MR O.1.¥."); a model trained on other text misreads other
 * letters, so a third reading outvotes a misread letter more often than the page's two readings, which share
 * one model, can; a faint date's digits likewise ("09/08/2018" in grey, "09/03/2018" in black and white). The
 * field's row is read with a row's height of the page above and below it, enlarged as the page was, so that it
 * looks to OCR as it did on the page.
 */
final class Rereading {

    /** A word read with less confidence than this by every reading makes its row worth reading again. */
    static final double UNSURE_BELOW = 70;
    /** A date read with less confidence than this by every reading is read again: one wrong digit is a wrong date. */
    static final double DATE_UNSURE_BELOW = 85;
    /** Rows of the page read with the field's, above and below it, in heights of the field's row. */
    static final double MARGIN_ROWS = 1.2;

    private Rereading() {
    }

    /**
     * Whether the vendor was read from a single row with a word no reading was sure of. Chinese names (a
     * 发票's 销售方) are read by another model already, and are left alone.
     */
    static boolean vendorWanted(Receipt receipt, List<OcrResult> readings) {
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
     * Whether the date was read as one word that the page's readings read differently, or none surely. A Chinese
     * date (2026年11月20日) was read by the Chinese model, which the other model cannot improve on.
     */
    static boolean dateWanted(Receipt receipt, List<OcrResult> readings) {
        List<OcrResult.Word> words = ReceiptReadings.dateWords(receipt, readings);
        return !words.isEmpty() && words.stream().noneMatch(w -> w.text().codePoints().anyMatch(ReceiptRows::isHan))
                && (words.stream().map(OcrResult.Word::text).distinct().count() > 1
                || words.stream().allMatch(w -> w.confidence() < DATE_UNSURE_BELOW));
    }

    /**
     * The receipt with its vendor and date voted across the page's readings and their rows read again, both in
     * one reading when both are wanted ({@link #vendorWanted}, {@link #dateWanted}); as it was, without reading,
     * when neither is.
     *
     * @param scale the enlargement the page was read at
     * @param dropRed whether the page was first read without its red ink ({@link RedStamps}), as its rows then are
     * @param ocr reads an image with the other model
     */
    static Receipt reread(Receipt receipt, List<OcrResult> readings, ReceiptPages.Page page, double scale,
                          boolean dropRed, String dateOrder, Function<Media, OcrResult> ocr) {
        boolean vendor = vendorWanted(receipt, readings);
        boolean date = dateWanted(receipt, readings);
        List<int[]> rows = new ArrayList<>();
        if (vendor) {
            rows.add(around(receipt.field("vendor").box()));
        }
        if (date) {
            rows.add(around(receipt.field("date").box()));
        }
        if (rows.isEmpty()) {
            return receipt;
        }
        OcrImage.Bands bands = OcrImage.bands(page, rows, scale, dropRed);
        OcrResult again = bands.toPage(ocr.apply(bands.media()));
        Receipt voted = vendor ? ReceiptReadings.withVotedVendor(receipt, readings, again) : receipt;
        return date ? ReceiptReadings.withVotedDate(voted, readings, again, dateOrder) : voted;
    }

    /** The page's rows from {@link #MARGIN_ROWS} above the box to as many below it. */
    private static int[] around(int[] box) {
        return new int[] {(int) Math.floor(box[1] - MARGIN_ROWS * box[3]),
            (int) Math.ceil(box[1] + box[3] + MARGIN_ROWS * box[3])};
    }
}
