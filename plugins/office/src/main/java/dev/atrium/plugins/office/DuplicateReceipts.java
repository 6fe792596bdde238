package dev.atrium.plugins.office;

import dev.atrium.sdk.PluginStorage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds receipts claimed twice: within one batch, and against the tenant's earlier receipts, kept as a
 * small index in plugin storage (storage is per plugin and tenant). Same vendor, date and amount is a
 * duplicate; the same vendor and date with amounts in different currencies that convert to within 2 % of
 * each other is a likely one (it needs the policy's exchange rates).
 */
final class DuplicateReceipts {

    /** How a duplicate of a receipt from an earlier report is named in its check and violation. */
    static final String EARLIER = "an earlier receipt";

    static final String INDEX_KEY = "expenses/receipt-index";
    static final int INDEX_LIMIT = 5000;

    /** What the index remembers of a receipt. */
    record Entry(String date, String currency, BigDecimal total, String vendor, String file, String run) {

        String line() {
            return String.join("\t", date, currency, total.toPlainString(), vendor, clean(file), clean(run));
        }

        static Entry parse(String line) {
            String[] p = line.split("\t", -1);
            if (p.length < 6) {
                return null;
            }
            try {
                return new Entry(p[0], p[1], new BigDecimal(p[2]), p[3], p[4], p[5]);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String clean(String s) {
            return s == null ? "" : s.replaceAll("[\\t\\r\\n]", " ");
        }
    }

    private DuplicateReceipts() {
    }

    static Entry entryOf(Receipt receipt, String run, String homeCurrency) {
        if (!receipt.field("date").found() || receipt.amount("total") == null) {
            return null;
        }
        String currency = receipt.text("currency") == null ? homeCurrency : receipt.text("currency");
        return new Entry(receipt.text("date"), currency, receipt.amount("total"),
                vendorKey(receipt.text("vendor")), receipt.file, run);
    }

    /** Finds duplicates, records them on the receipts and in the result list, then adds the batch to the index. */
    static List<Map<String, Object>> check(List<Receipt> receipts, PluginStorage storage, String run, ExpensePolicy policy) {
        return check(receipts, load(storage), storage, run, policy);
    }

    /**
     * Duplicates within the batch only, and nothing recorded: for receipts already checked against the tenant's
     * earlier ones when they were read (a reviewed report would otherwise find each receipt in the index it
     * was added to).
     */
    static List<Map<String, Object>> withinBatch(List<Receipt> receipts, ExpensePolicy policy) {
        return check(receipts, List.of(), null, "", policy);
    }

    private static List<Map<String, Object>> check(List<Receipt> receipts, List<Entry> earlier, PluginStorage storage,
                                                   String run, ExpensePolicy policy) {
        List<Entry> batch = new ArrayList<>();
        for (Receipt r : receipts) {
            batch.add(entryOf(r, run, policy.homeCurrency()));
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (int i = 0; i < receipts.size(); i++) {
            Entry a = batch.get(i);
            if (a == null) {
                continue;
            }
            for (int j = 0; j < i; j++) {
                Entry b = batch.get(j);
                String reason = b == null ? null : match(a, b, policy);
                if (reason != null) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("receipts", List.of(j + 1, i + 1));
                    d.put("files", List.of(receipts.get(j).file, receipts.get(i).file));
                    d.put("reason", reason);
                    found.add(d);
                    flag(receipts.get(i), reason, "receipt " + (j + 1) + " (" + receipts.get(j).file + ") of this batch");
                }
            }
            for (Entry e : earlier) {
                String reason = match(a, e, policy);
                if (reason != null) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("receipts", List.of(i + 1));
                    d.put("files", List.of(receipts.get(i).file));
                    d.put("reason", reason);
                    d.put("earlier", Map.of("file", e.file(), "run", e.run(), "date", e.date(),
                            "total", e.total(), "currency", e.currency()));
                    found.add(d);
                    flag(receipts.get(i), reason, EARLIER + " (" + e.file() + ", run " + e.run() + ")");
                    break;
                }
            }
        }
        for (Receipt r : receipts) {
            if (r.checks.stream().noneMatch(c -> c.name().equals("duplicate"))) {
                r.checks.add(new Receipt.Check("duplicate", batch.get(receipts.indexOf(r)) == null ? "skipped" : "passed",
                        batch.get(receipts.indexOf(r)) == null ? "needs a date and a total"
                        : storage == null ? "no other receipt of this report matches" : "no earlier receipt matches"));
            }
        }
        if (storage != null) {
            List<Entry> updated = new ArrayList<>(earlier);
            batch.stream().filter(java.util.Objects::nonNull).forEach(updated::add);
            save(storage, updated);
        }
        return found;
    }

    /** Whether a duplicate violation's message names a receipt of an earlier report rather than of the batch. */
    static boolean againstEarlier(String message) {
        return message.contains(EARLIER);
    }

    private static void flag(Receipt receipt, String reason, String of) {
        boolean exact = reason.startsWith("same vendor, date and total");
        receipt.checks.add(new Receipt.Check("duplicate", "failed", reason + " as " + of));
        receipt.violations.add(new Receipt.Violation("duplicate",
                exact ? Receipt.Severity.BLOCKING : Receipt.Severity.WARNING,
                (exact ? "duplicate of " : "possibly the same expense as ") + of));
    }

    /** Why two receipts look like one expense, or null. */
    static String match(Entry a, Entry b, ExpensePolicy policy) {
        if (!a.date().equals(b.date()) || !similarVendor(a.vendor(), b.vendor())) {
            return null;
        }
        if (a.currency().equals(b.currency())) {
            return a.total().compareTo(b.total()) == 0 ? "same vendor, date and total" : null;
        }
        BigDecimal x = policy.toHome(a.total(), a.currency());
        BigDecimal y = policy.toHome(b.total(), b.currency());
        if (x == null || y == null || x.signum() == 0) {
            return null;
        }
        double diff = x.subtract(y).abs().doubleValue() / x.max(y).doubleValue();
        return diff <= 0.02 ? "same vendor and date, " + a.total() + " " + a.currency() + " ≈ " + b.total() + " "
                + b.currency() + " (within 2 % in " + policy.homeCurrency() + ")" : null;
    }

    static String vendorKey(String vendor) {
        return vendor == null ? "" : vendor.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The same name read twice by OCR: equal, one inside the other, or at most a few characters apart. */
    static boolean similarVendor(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        if (a.equals(b) || (Math.min(a.length(), b.length()) >= 5 && (a.contains(b) || b.contains(a)))) {
            return true;
        }
        return ReceiptValues.editDistance(a, b) <= Math.max(1, Math.max(a.length(), b.length()) / 6);
    }

    private static List<Entry> load(PluginStorage storage) {
        List<Entry> out = new ArrayList<>();
        storage.getText(INDEX_KEY).ifPresent(text -> text.lines().map(Entry::parse)
                .filter(java.util.Objects::nonNull).forEach(out::add));
        return out;
    }

    private static void save(PluginStorage storage, List<Entry> entries) {
        List<Entry> kept = entries.size() > INDEX_LIMIT ? entries.subList(entries.size() - INDEX_LIMIT, entries.size()) : entries;
        StringBuilder text = new StringBuilder();
        kept.forEach(e -> text.append(e.line()).append('\n'));
        storage.putText(INDEX_KEY, text.toString());
    }
}
