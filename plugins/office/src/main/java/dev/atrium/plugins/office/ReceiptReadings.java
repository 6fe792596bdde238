package dev.atrium.plugins.office;

import dev.atrium.sdk.model.OcrResult;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Two OCR readings of one page (grey and black-and-white) merged into one receipt: each field from the
 * surer reading; where the totals differ, one found by its label or worked out beats the page's largest amount,
 * one in proportion to the subtotal beats one that is not, then the one its own receipt confirms (subtotal +
 * tax, cash - change), else the one the other reading also printed somewhere, else the surer one.
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
        } else if (a != null && b != null && a.compareTo(b) != 0 && first.totalGuessed != second.totalGuessed) {
            // A total found by its label, or worked out from subtotal and tax, beats the largest amount on the page.
            if (first.totalGuessed) {
                base = second;
                other = first;
            }
        } else if (a != null && b != null && a.compareTo(b) != 0 && outOfProportion(first, second, a, b) != 0) {
            if (outOfProportion(first, second, a, b) == 1) {
                base = second;
                other = first;
            }
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
        return withVotedVendor(base, firstOcr, secondOcr);
    }

    /**
     * The vendor row voted word by word between the two readings: when both read the row as the same words at
     * the same places, each word is taken from the reading that was surer of it. The readings misread different
     * letters of a name ("Shell ISNT PETRO" in grey, "Shell ISNI PEFRO" in black and white), and the surer word
     * of each pair is more often right than either whole row.
     */
    static Receipt withVotedVendor(Receipt receipt, OcrResult firstOcr, OcrResult secondOcr) {
        return voted(receipt, vendorRows(receipt, List.of(firstOcr, secondOcr)), null);
    }

    /**
     * The vendor row voted word by word between the page's readings (as {@link #withVotedVendor(Receipt,
     * OcrResult, OcrResult)}) and the row read again by another model. The page's readings share one model, so
     * they often misread a letter alike: the other model settles a word they disagree on, and replaces one they
     * agree on when it is surer of its own reading than they were of theirs.
     *
     * @param other the vendor's rows read by another model, boxes in the page's pixels
     */
    static Receipt withVotedVendor(Receipt receipt, List<OcrResult> pageReadings, OcrResult other) {
        List<ReceiptRows.Row> otherRows = vendorRows(receipt, List.of(pageReadings.get(0), other));
        return voted(receipt, vendorRows(receipt, pageReadings), otherRows.size() > 1 ? otherRows.get(1) : null);
    }

    private static Receipt voted(Receipt receipt, List<ReceiptRows.Row> rows, ReceiptRows.Row otherRow) {
        if (rows.isEmpty() || rows.size() < 2 && otherRow == null) {
            return receipt;
        }
        ReceiptField vendor = receipt.field("vendor");
        String name = (String) vendor.value();
        ReceiptRows.Row source = sourceRow(name, rows);
        if (source == null) {
            return receipt; // a name joined from two rows, or read from elsewhere: leave it
        }
        double confidence = 0;
        for (int i = 0; i < source.words().size(); i++) {
            confidence += votedWord(rows, otherRow, i).confidence();
        }
        String value = vote(rows, otherRow);
        if (!value.equals(name)) {
            double certainty = vendor.confidence() / Math.max(0.01, source.confidence());
            receipt.set("vendor", new ReceiptField(value,
                    Math.min(0.95, certainty * confidence / source.words().size() / 100), vendor.box(), vendor.page()));
        }
        return receipt;
    }

    /**
     * The row the vendor's name was read from: one whose text it is, or the first when it is the rows' vote (the
     * page's two readings voted when they were merged); null when it came from elsewhere.
     */
    static ReceiptRows.Row sourceRow(String name, List<ReceiptRows.Row> rows) {
        for (ReceiptRows.Row row : rows) {
            if (name.equals(ReceiptReader.cleanName(row.text()))) {
                return row;
            }
        }
        return !rows.isEmpty() && name.equals(vote(rows, null)) ? rows.get(0) : null;
    }

    private static String vote(List<ReceiptRows.Row> rows, ReceiptRows.Row otherRow) {
        StringBuilder voted = new StringBuilder();
        for (int i = 0; i < rows.get(0).words().size(); i++) {
            voted.append(i == 0 ? "" : " ").append(votedWord(rows, otherRow, i).text());
        }
        return ReceiptReader.cleanName(voted.toString());
    }

    /**
     * The rows of the readings that hold the vendor's name word for word in the same places: the first
     * reading's row under the vendor's box, then each other reading's row over that one, if split into the same
     * words. Empty when the vendor has no single row.
     */
    static List<ReceiptRows.Row> vendorRows(Receipt receipt, List<OcrResult> readings) {
        ReceiptField vendor = receipt.field("vendor");
        if (!(vendor.value() instanceof String) || vendor.box() == null || readings.isEmpty()) {
            return List.of();
        }
        int[] b = vendor.box();
        ReceiptRows.Row first = overlapping(ReceiptRows.of(readings.get(0)), new OcrResult.Box(b[0], b[1], b[2], b[3]));
        if (first == null) {
            return List.of();
        }
        List<ReceiptRows.Row> rows = new ArrayList<>(List.of(first));
        for (OcrResult reading : readings.subList(1, readings.size())) {
            ReceiptRows.Row other = overlapping(ReceiptRows.of(reading), first.box());
            if (other != null && sameWordPlaces(first, other)) {
                rows.add(other);
            }
        }
        return rows;
    }

    private static boolean sameWordPlaces(ReceiptRows.Row a, ReceiptRows.Row b) {
        if (a.words().size() != b.words().size()) {
            return false;
        }
        for (int i = 0; i < a.words().size(); i++) {
            if (overlap(a.words().get(i).box(), b.words().get(i).box()) < 0.3) {
                return false; // the rows were split into words differently
            }
        }
        return true;
    }

    /**
     * The i-th word: the surest of the page's readings; if another model read the row, its word where the page's
     * readings disagree and it sides with one of them, or where it is surer than they were.
     */
    private static OcrResult.Word votedWord(List<ReceiptRows.Row> rows, ReceiptRows.Row otherRow, int i) {
        return votedWord(rows.stream().map(r -> r.words().get(i)).toList(), otherRow == null ? null : otherRow.words().get(i));
    }

    /**
     * Of the page's readings of a word, the surest; with another model's reading of it, that one where the page's
     * disagree and it sides with one of them, or where it is surer than they were.
     */
    static OcrResult.Word votedWord(List<OcrResult.Word> page, OcrResult.Word other) {
        OcrResult.Word surest = page.stream().max(Comparator.comparingDouble(OcrResult.Word::confidence)).orElseThrow();
        if (other == null) {
            return surest;
        }
        boolean disagree = page.stream().map(OcrResult.Word::text).distinct().count() > 1;
        if (disagree && page.stream().anyMatch(w -> w.text().equals(other.text()))) {
            return other;
        }
        return other.confidence() > surest.confidence() ? other : surest;
    }

    /**
     * The date read again by another model, voted as the vendor's words are ({@link #votedWord}): a till's date
     * printed as one word ("09/03/2018"), which the page's readings read differently ("09/08/2018" in grey) or
     * unsurely. A voted word that is not a date leaves the date as it was.
     */
    static Receipt withVotedDate(Receipt receipt, List<OcrResult> pageReadings, OcrResult other, String order) {
        List<OcrResult.Word> page = dateWords(receipt, pageReadings);
        OcrResult.Word again = dateWords(receipt, List.of(other)).stream().findFirst().orElse(null);
        if (page.isEmpty() || again == null) {
            return receipt;
        }
        OcrResult.Word chosen = votedWord(page, again);
        List<ReceiptValues.FoundDate> dates = ReceiptValues.dates(chosen.text(), order);
        ReceiptField date = receipt.field("date");
        if (dates.size() == 1 && !dates.get(0).date().toString().equals(date.value())) {
            receipt.set("date", new ReceiptField(dates.get(0).date().toString(),
                    Math.min(0.95, dates.get(0).certainty() * chosen.confidence() / 100), date.box(), date.page()));
        }
        return receipt;
    }

    /** Each reading's word under the date's box, when the date was read as one word. */
    static List<OcrResult.Word> dateWords(Receipt receipt, List<OcrResult> readings) {
        ReceiptField date = receipt.field("date");
        if (date.value() == null || date.box() == null) {
            return List.of();
        }
        int[] b = date.box();
        OcrResult.Box box = new OcrResult.Box(b[0], b[1], b[2], b[3]);
        List<OcrResult.Word> words = new ArrayList<>();
        for (OcrResult reading : readings) {
            reading.words().stream().filter(w -> overlap(w.box(), box) >= 0.5)
                    .max(Comparator.comparingDouble(w -> overlap(w.box(), box))).ifPresent(words::add);
        }
        return words;
    }

    /** The row that overlaps the box most, if it overlaps by half their union or more. */
    private static ReceiptRows.Row overlapping(List<ReceiptRows.Row> rows, OcrResult.Box box) {
        ReceiptRows.Row best = null;
        double most = 0.5;
        for (ReceiptRows.Row row : rows) {
            double o = overlap(row.box(), box);
            if (o >= most) {
                most = o;
                best = row;
            }
        }
        return best;
    }

    /** Intersection over union of two boxes. */
    static double overlap(OcrResult.Box a, OcrResult.Box b) {
        if (a == null || b == null) {
            return 0;
        }
        long w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
        long h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = (double) w * h;
        return inter / ((double) a.width() * a.height() + (double) b.width() * b.height() - inter);
    }

    /**
     * 1 when the first total is out of proportion to the subtotal (see {@link ReceiptReader#outOfProportion})
     * and the second is not, 2 the other way round, 0 when the subtotals found do not settle it: each
     * subtotal read must rule out the same one, since a misread subtotal rules out right totals too.
     */
    private static int outOfProportion(Receipt first, Receipt second, BigDecimal a, BigDecimal b) {
        int side = 0;
        for (BigDecimal subtotal : java.util.stream.Stream.of(first.amount("subtotal"), second.amount("subtotal"))
                .filter(java.util.Objects::nonNull).toList()) {
            boolean outA = ReceiptReader.outOfProportion(a, subtotal);
            boolean outB = ReceiptReader.outOfProportion(b, subtotal);
            int here = outA == outB ? 0 : outA ? 1 : 2;
            if (here == 0 || side != 0 && here != side) {
                return 0;
            }
            side = here;
        }
        return side;
    }

    private static boolean printed(OcrResult ocr, BigDecimal amount) {
        return ReceiptRows.of(ocr).stream().flatMap(r -> ReceiptValues.amounts(r.text()).stream())
                .anyMatch(x -> x.value().compareTo(amount) == 0);
    }
}
