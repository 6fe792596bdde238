package dev.atrium.plugins.office;

import dev.atrium.sdk.PluginStorage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shop names the tenant's reviewers confirmed ({@code expense-report}: a vendor typed in, or a receipt approved),
 * kept in plugin storage, to which a name OCR read a letter or two off is corrected: the same shop's receipts come
 * back month after month, and the fourth receipt from "TEO HENG STATIONERY & BOOKS" should not be filed under
 * "TED HENG STATIONERY & BOOKS" because its print was faint. A name is only corrected to a single confirmed name
 * close enough that OCR, not another shop, explains the difference.
 */
final class KnownVendors {

    static final String KEY = "expenses/known-vendors";
    static final int LIMIT = 2000;
    /** Names shorter than this (letters and digits) are too short to tell a misreading from another shop. */
    static final int MIN_LENGTH = 10;

    private KnownVendors() {
    }

    /** Adds the vendors a reviewer typed in or approved to the tenant's confirmed names. */
    static void remember(List<Receipt> reviewed, PluginStorage storage) {
        if (storage == null) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(load(storage));
        boolean changed = false;
        for (Receipt receipt : reviewed) {
            ReceiptField vendor = receipt.field("vendor");
            if (vendor.value() instanceof String name && !name.isBlank()
                    && (vendor.confidence() >= 1 || Boolean.TRUE.equals(receipt.approved))) {
                String clean = name.strip().replaceAll("\\s+", " ");
                // Most recently confirmed last, so that the oldest are dropped first.
                changed |= names.remove(clean) | names.add(clean);
            }
        }
        if (changed) {
            List<String> kept = new ArrayList<>(names);
            storage.putText(KEY, String.join("\n", kept.subList(Math.max(0, kept.size() - LIMIT), kept.size())));
        }
    }

    /** Corrects each receipt's vendor to the one confirmed name it is a misreading of, if there is one. */
    static void correct(List<Receipt> receipts, PluginStorage storage) {
        List<String> known = load(storage);
        if (known.isEmpty()) {
            return;
        }
        for (Receipt receipt : receipts) {
            ReceiptField vendor = receipt.field("vendor");
            if (!(vendor.value() instanceof String name)) {
                continue;
            }
            String match = closest(name, known);
            if (match != null && !match.equals(name)) {
                receipt.set("vendor", new ReceiptField(match, Math.max(vendor.confidence(), 0.9), vendor.box(), vendor.page()));
                receipt.checks.add(new Receipt.Check("known-vendor", "passed",
                        "read as \"" + name + "\"; corrected to \"" + match + "\", a name confirmed in an earlier review"));
            }
        }
    }

    /**
     * The confirmed name the read one is a misreading of: the only one within one edit per ten letters and digits
     * (at least one) with the same digits, case, spaces and punctuation set aside; the confirmed spelling when only
     * those differ; else null.
     */
    static String closest(String read, List<String> known) {
        String key = DuplicateReceipts.vendorKey(read);
        if (key.length() < MIN_LENGTH) {
            return null;
        }
        int allowed = Math.max(1, key.length() / 10);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        boolean tie = false;
        for (String name : known) {
            String other = DuplicateReceipts.vendorKey(name);
            if (other.equals(key)) {
                return name;
            }
            // Numbered branches ("SHELL 1", "SHELL 2") are other shops, however close their names.
            if (Math.abs(other.length() - key.length()) > allowed || !digits(other).equals(digits(key))) {
                continue;
            }
            int d = ReceiptValues.editDistance(key, other);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance) {
                tie = true;
            }
        }
        return bestDistance <= allowed && !tie ? best : null;
    }

    private static String digits(String key) {
        return key.replaceAll("\\D", "");
    }

    private static List<String> load(PluginStorage storage) {
        return storage == null ? List.of()
                : storage.getText(KEY).map(text -> text.lines().filter(l -> !l.isBlank()).toList()).orElse(List.of());
    }
}
