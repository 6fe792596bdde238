package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.model.OcrResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which pages of a file make one receipt, on words written by the test. */
class ReceiptContinuationTest {

    static ReceiptContinuation.PageReading page(int number, String... rows) {
        OcrResult words = ReceiptReaderTest.page(100, rows);
        return new ReceiptContinuation.PageReading(number, ReceiptReader.read(words, "f.pdf", number, "DMY"), words);
    }

    static List<Integer> sizes(ReceiptContinuation.PageReading... pages) {
        return ReceiptContinuation.group(List.of(pages)).stream().map(List::size).toList();
    }

    @Test
    void pageWithoutDateAfterAPageWithoutTotalContinuesIt() {
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00", "Nails 4.50"),
                page(2, "Saw 38.00", "TOTAL 67.50"))).containsExactly(2);
    }

    @Test
    void columnHeadingsAreNotATotal() {
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Description Qty Price Amount",
                        "Hammer 1 25.00 25.00", "Nails 3 1.50 4.50"),
                page(2, "Description Qty Price Amount", "Saw 1 38.00 38.00", "TOTAL 67.50"))).containsExactly(2);
    }

    @Test
    void pageAfterATotalOrWithItsOwnDateStartsAReceipt() {
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00", "TOTAL 25.00"),
                page(2, "Saw 38.00", "TOTAL 38.00"))).containsExactly(1, 1);
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00"),
                page(2, "CITY TAXI", "Date: 13/11/2026", "Fare 18.40", "TOTAL 18.40"))).containsExactly(1, 1);
    }

    @Test
    void pageMarkersDecideOverTheLayout() {
        // A repeated header with its date, but "page 2 of 2".
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00", "Page 1 of 2"),
                page(2, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Saw 38.00", "TOTAL 63.00", "Page 2 of 2")))
                .containsExactly(2);
        assertThat(sizes(
                page(1, "上海明珠餐饮有限公司", "日期 2026年11月20日", "餐费 100.00", "第1页 共2页"),
                page(2, "上海明珠餐饮有限公司", "日期 2026年11月20日", "合计 106.00", "第2页 共2页")))
                .containsExactly(2);
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00", "Continued on next page"),
                page(2, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Saw 38.00", "TOTAL 63.00")))
                .containsExactly(2);
        // "Page 1 of 1" twice: two receipts, even without a total on the first.
        assertThat(sizes(
                page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00", "Page 1 of 1"),
                page(2, "Saw 38.00", "TOTAL 38.00", "Page 1 of 1"))).containsExactly(1, 1);
    }

    @Test
    void joinedReceiptHasHeaderFromTheFirstPageTotalsFromTheLastAndEveryItem() {
        ReceiptContinuation.PageReading first = page(1, "ACME HARDWARE SDN BHD", "Date: 12/11/2026", "Hammer 25.00",
                "Nails 4.50");
        ReceiptContinuation.PageReading middle = page(2, "Glue 3.00", "Tape 2.00");
        ReceiptContinuation.PageReading last = page(3, "Saw 38.00", "TOTAL 72.50");
        List<ReceiptContinuation.PageReading> pages = List.of(first, middle, last);
        assertThat(ReceiptContinuation.group(pages)).hasSize(1);

        Receipt joined = ReceiptContinuation.join(pages, List.of(
                ReceiptReader.read(first.words(), "f.pdf", 1, "DMY", ReceiptReader.Part.FIRST),
                ReceiptReader.read(middle.words(), "f.pdf", 2, "DMY", ReceiptReader.Part.MIDDLE),
                ReceiptReader.read(last.words(), "f.pdf", 3, "DMY", ReceiptReader.Part.LAST)));

        assertThat(joined.page).isEqualTo(1);
        assertThat(joined.pages).containsExactly(1, 2, 3);
        assertThat(joined.text("vendor")).isEqualTo("ACME HARDWARE SDN BHD");
        assertThat(joined.text("date")).isEqualTo("2026-11-12");
        assertThat(joined.amount("total")).isEqualByComparingTo("72.50");
        assertThat(joined.field("total").page()).isEqualTo(3);
        assertThat(joined.lineItems).extracting(i -> i.description().value())
                .containsExactly("Hammer", "Nails", "Glue", "Tape", "Saw");
    }
}
