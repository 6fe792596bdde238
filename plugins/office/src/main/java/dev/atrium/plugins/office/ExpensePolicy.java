package dev.atrium.plugins.office;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.PluginSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expense policy from the plugin's settings ({@code expenses.*}): home currency, exchange rates,
 * per-category limits, the amount above which a full receipt is required, the maximum age and the
 * prohibited categories. Applies its rules to a receipt as violations, warnings or blocking.
 */
record ExpensePolicy(String homeCurrency, Map<String, BigDecimal> rates, Map<String, BigDecimal> limits,
                     BigDecimal receiptRequiredAbove, int maxAgeDays, Set<String> prohibited, boolean limitsBlocking,
                     double reviewBelow, String dateOrder, BigDecimal tolerance) {

    static final String PREFIX = "expenses.";

    static ExpensePolicy from(PluginSettings settings) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        Map<String, BigDecimal> limits = new LinkedHashMap<>();
        settings.asMap().forEach((key, value) -> {
            if (key.startsWith(PREFIX + "rate.")) {
                rates.put(key.substring((PREFIX + "rate.").length()).toUpperCase(Locale.ROOT), number(key, value));
            } else if (key.startsWith(PREFIX + "limit.")) {
                limits.put(key.substring((PREFIX + "limit.").length()).toLowerCase(Locale.ROOT).replace('-', ' ')
                        .replace('_', ' '), number(key, value));
            }
        });
        String home = settings.get(PREFIX + "homeCurrency", "USD").strip().toUpperCase(Locale.ROOT);
        rates.put(home, BigDecimal.ONE);
        Set<String> prohibited = Arrays.stream(settings.get(PREFIX + "prohibitedCategories", "").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        return new ExpensePolicy(home, Map.copyOf(rates), Map.copyOf(limits),
                number(PREFIX + "receiptRequiredAbove", settings.get(PREFIX + "receiptRequiredAbove", "75")),
                (int) number(PREFIX + "maxAgeDays", settings.get(PREFIX + "maxAgeDays", "90")).longValue(), prohibited,
                Boolean.parseBoolean(settings.get(PREFIX + "limitsBlocking", "false")),
                number(PREFIX + "reviewBelowConfidence", settings.get(PREFIX + "reviewBelowConfidence", "0.6")).doubleValue(),
                settings.get(PREFIX + "dateOrder", "DMY").strip().toUpperCase(Locale.ROOT),
                number(PREFIX + "roundingTolerance", settings.get(PREFIX + "roundingTolerance", "0.05")));
    }

    private static BigDecimal number(String key, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            // A misconfigured plugin is not the user's input, but the run cannot go on sensibly either.
            throw new BadInputException(key, "plugin setting '" + key + "' must be a number, got '" + value + "'");
        }
    }

    /** The amount in the home currency, or null when the currency has no configured rate. */
    BigDecimal toHome(BigDecimal amount, String currency) {
        if (amount == null) {
            return null;
        }
        BigDecimal rate = rates.get(currency == null ? homeCurrency : currency);
        return rate == null ? null : amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /** Adds the policy's violations to the receipt. */
    void apply(Receipt receipt, LocalDate today) {
        String category = receipt.text("category");
        String currency = receipt.text("currency") == null ? homeCurrency : receipt.text("currency");
        BigDecimal total = receipt.amount("total");
        if (category != null && prohibited.contains(category)) {
            receipt.violations.add(new Receipt.Violation("prohibited-category", Receipt.Severity.BLOCKING,
                    "'" + category + "' expenses are not reimbursed"));
        }
        BigDecimal limit = category == null ? null : limits.get(category);
        if (limit != null && total != null) {
            BigDecimal home = toHome(total, currency);
            if (home == null) {
                receipt.violations.add(new Receipt.Violation("category-limit", Receipt.Severity.WARNING,
                        "cannot compare with the " + category + " limit of " + limit + " " + homeCurrency
                                + ": no exchange rate for " + currency + " (setting expenses.rate." + currency + ")"));
            } else if (home.compareTo(limit) > 0) {
                receipt.violations.add(new Receipt.Violation("category-limit",
                        limitsBlocking ? Receipt.Severity.BLOCKING : Receipt.Severity.WARNING,
                        category + " total " + home + " " + homeCurrency + " is over the limit of " + limit + " "
                                + homeCurrency));
            }
        }
        if (receipt.field("date").found()) {
            LocalDate date = LocalDate.parse(receipt.text("date"));
            long age = ChronoUnit.DAYS.between(date, today);
            if (age > maxAgeDays) {
                receipt.violations.add(new Receipt.Violation("too-old", Receipt.Severity.BLOCKING,
                        "dated " + date + ", " + age + " days ago; receipts older than " + maxAgeDays
                                + " days are not reimbursed"));
            } else if (age < -1) {
                receipt.violations.add(new Receipt.Violation("future-date", Receipt.Severity.WARNING,
                        "dated " + date + ", in the future: check the date"));
            }
        }
        BigDecimal home = toHome(total, currency);
        if (home != null && home.compareTo(receiptRequiredAbove) > 0
                && (!receipt.field("vendor").found() || !receipt.field("date").found())) {
            receipt.violations.add(new Receipt.Violation("receipt-required", Receipt.Severity.WARNING,
                    "above " + receiptRequiredAbove + " " + homeCurrency
                            + " a receipt showing the vendor and the date is required"));
        }
    }
}
