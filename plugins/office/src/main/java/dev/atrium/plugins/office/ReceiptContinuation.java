package dev.atrium.plugins.office;

import dev.atrium.sdk.model.OcrResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages of one file grouped into receipts. A long receipt or invoice runs over several pages: the header,
 * date and first items on the first, more items and the total on the last. Each page is read on its own first;
 * a page then continues the receipt before it when
 * <ol>
 *   <li>it says so: "Page 2 of 3", "第2页", "continued", "(cont'd)", "接上页" — or the page before said
 *       "page 1 of 3" or "continued on next page"; "page 1 of …" always starts a receipt;</li>
 *   <li>or, without such a marker, the receipt so far has no total (none, or only the largest amount with no
 *       label) and the page has no date of its own — a page with a date is a new receipt's header.</li>
 * </ol>
 * So two receipts in one PDF, each with its total, stay two. The joined receipt takes its header fields from
 * its first page and its totals from its last, each field keeping the page it was read on, and the line items
 * of all pages in order.
 */
final class ReceiptContinuation {

    /** One page read on its own: the receipt it would be, and the words it was read from (null for a vision model). */
    record PageReading(int page, Receipt receipt, OcrResult words) {
    }

    private static final Pattern PAGE_OF = Pattern.compile(
            "\\bPAGE\\s*(\\d{1,3})\\s*(?:OF|/)\\s*(\\d{1,3})\\b|第\\s*(\\d{1,3})\\s*页(?:\\s*[,，/]?\\s*共\\s*(\\d{1,3})\\s*页)?"
                    + "|共\\s*(\\d{1,3})\\s*页\\s*[,，]?\\s*第\\s*(\\d{1,3})\\s*页");
    private static final Pattern GOES_ON = Pattern.compile(
            "CONTINUED\\s+(?:ON|OVERLEAF)|TO\\s+BE\\s+CONTINUED|CONTINUES\\s+ON|转下页|接下页|续下页");
    private static final Pattern GOES_BACK = Pattern.compile(
            "\\bCONTINUED\\b|\\bCONT(?:'|’)?D\\b|\\(CONT\\.?\\)|CONTINUATION|接上页|续上页|续页|\\(续\\)|（续）");
    /** Fields read from the receipt's totals block, which is on its last page. */
    private static final Set<String> CLOSING = Set.of("subtotal", "tax", "tip", "total", "paymentMethod");

    private ReceiptContinuation() {
    }

    /** Which pages belong together: lists of consecutive page readings, each list one receipt. */
    static List<List<PageReading>> group(List<PageReading> pages) {
        List<List<PageReading>> receipts = new ArrayList<>();
        for (PageReading page : pages) {
            List<PageReading> current = receipts.isEmpty() ? null : receipts.get(receipts.size() - 1);
            if (current != null && continues(current.get(current.size() - 1), page)) {
                current.add(page);
            } else {
                receipts.add(new ArrayList<>(List.of(page)));
            }
        }
        return receipts;
    }

    /** Whether {@code page} continues the receipt whose latest page is {@code previous} (see the class comment). */
    static boolean continues(PageReading previous, PageReading page) {
        int[] marked = pageOf(text(page));
        if (marked != null) {
            return marked[0] >= 2;
        }
        if (GOES_BACK.matcher(text(page)).find() && !GOES_ON.matcher(text(page)).find()) {
            return true;
        }
        int[] before = pageOf(text(previous));
        if (before != null && before[1] > before[0] || GOES_ON.matcher(text(previous)).find()) {
            return true;
        }
        Receipt soFar = previous.receipt();
        boolean closed = soFar.field("total").found() && !soFar.totalGuessed;
        return !closed && !page.receipt().field("date").found();
    }

    /**
     * One receipt from its pages: header fields from the first page that has them, closing fields (subtotal,
     * tax, tip, total, payment) from the last, line items of every page in order.
     *
     * @param parts each page read again as its part of the receipt ({@link ReceiptReader.Part}), for the line
     *     items; for a single page, its own reading
     */
    static Receipt join(List<PageReading> pages, List<Receipt> parts) {
        if (pages.size() == 1) {
            return pages.get(0).receipt();
        }
        Receipt first = pages.get(0).receipt();
        Receipt joined = new Receipt(first.file, first.page);
        Set<String> engines = new LinkedHashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            Receipt page = pages.get(i).receipt();
            boolean last = i == pages.size() - 1;
            if (i > 0) {
                joined.pages.add(page.page);
            }
            for (String name : Receipt.FIELDS) {
                ReceiptField field = page.field(name);
                if (!field.found()) {
                    continue;
                }
                boolean closing = CLOSING.contains(name);
                // The first page's guessed total is one of its items' amounts, not the receipt's.
                if (name.equals("total") && !last) {
                    continue;
                }
                // Vendor and address are read from a page's header; later pages have none (or repeat it).
                if (i > 0 && (name.equals("vendor") || name.equals("address"))) {
                    continue;
                }
                ReceiptField mine = joined.field(name);
                if (!mine.found() || closing || name.equals("category") && field.confidence() > mine.confidence()) {
                    joined.set(name, field);
                }
            }
            if (last) {
                joined.totalConfirmed = page.totalConfirmed;
                joined.totalGuessed = page.totalGuessed;
            }
            joined.lineItems.addAll(parts.get(i).lineItems);
            if (page.engine != null) {
                engines.add(page.engine);
            }
        }
        joined.engine = engines.isEmpty() ? null : String.join(", ", engines);
        return joined;
    }

    /** {@code [n, m]} for "page n of m" ({@code m} 0 when not printed), or null. */
    static int[] pageOf(String upper) {
        Matcher m = PAGE_OF.matcher(upper);
        if (!m.find()) {
            return null;
        }
        if (m.group(1) != null) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        if (m.group(3) != null) {
            return new int[] {Integer.parseInt(m.group(3)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4))};
        }
        return new int[] {Integer.parseInt(m.group(6)), Integer.parseInt(m.group(5))};
    }

    private static String text(PageReading page) {
        return page.words() == null ? "" : page.words().text().toUpperCase(Locale.ROOT);
    }
}
