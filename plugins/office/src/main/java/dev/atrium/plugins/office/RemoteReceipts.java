package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.OcrResult;
import dev.atrium.sdk.model.StructuredResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A receipt read by a vision model with structured output: the page image goes in, a {@link ReceiptDraft}
 * comes out, and its values are normalised as the offline reader's are (amounts, ISO dates, currency codes,
 * the six categories). The model gives no positions, so fields have no box; values get a fixed confidence.
 */
final class RemoteReceipts {

    static final double CONFIDENCE = 0.85;

    private static final String SYSTEM = """
            You read receipts and invoices, including Chinese receipts and VAT invoices (发票). Return only what is
            printed; use null for anything not on the receipt. date: yyyy-MM-dd (开票日期 on a VAT invoice).
            time: HH:mm. currency: the ISO 4217 code the symbols, words or country imply (RM = MYR, ¥ on a
            Chinese receipt = CNY). Amounts as printed digits with the decimal point, without currency symbols.
            total: the amount paid (the rounded total if there is one; 价税合计 on a VAT invoice); subtotal: before
            tax (金额); tax: 税额, GST, VAT. vendor: the merchant, or the seller (销售方) of a VAT invoice, never the
            buyer. paymentMethod: CASH, a card brand with its last four digits (VISA ****1234), or the wallet.
            category: one of meals, travel, lodging, transport, office supplies, other.""";

    private RemoteReceipts() {
    }

    record Read(Receipt receipt, String engine) {
    }

    /**
     * @param textLayer the page's PDF text layer, or null: sent along with the image, its exact characters keep
     *     the model from misreading figures it can see
     */
    static Read read(ModelGateway models, Media image, String file, int page, String dateOrder, OcrResult textLayer) {
        String ask = "Read this receipt (" + file + ", page " + page + ").";
        if (textLayer != null) {
            ask += "\nThe page's PDF text layer, exact characters in reading order:\n" + textLayer.text().strip();
        }
        ChatRequest request = new ChatRequest(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(ask, image)), 0.0, null);
        StructuredResult<ReceiptDraft> answer = models.structured(request, ReceiptDraft.class);
        return new Read(toReceipt(answer.value(), file, page, dateOrder), RemoteMinutes.name(answer.engine()));
    }

    static Receipt toReceipt(ReceiptDraft draft, String file, int page, String dateOrder) {
        Receipt receipt = new Receipt(file, page);
        if (draft == null) {
            return receipt;
        }
        text(receipt, "vendor", draft.vendor(), page);
        text(receipt, "address", draft.address(), page);
        LocalDate date = date(draft.date(), dateOrder);
        if (date != null) {
            receipt.set("date", field(date.toString(), page));
        }
        if (draft.time() != null) {
            var m = ReceiptValues.time(draft.time());
            if (m.find()) {
                receipt.set("time", field(ReceiptValues.formatTime(m), page));
            }
        }
        String currency = draft.currency() == null ? null : draft.currency().strip().toUpperCase(Locale.ROOT);
        if (currency != null && currency.matches("[A-Z]{3}")) {
            receipt.set("currency", field(currency, page));
        } else if (currency != null) {
            Map.Entry<String, Double> guessed = ReceiptValues.currency(currency);
            if (guessed != null) {
                receipt.set("currency", new ReceiptField(guessed.getKey(), CONFIDENCE * guessed.getValue(), null, page));
            }
        }
        amount(receipt, "subtotal", draft.subtotal(), page);
        amount(receipt, "tax", draft.tax(), page);
        amount(receipt, "tip", draft.tip(), page);
        amount(receipt, "total", draft.total(), page);
        text(receipt, "paymentMethod", draft.paymentMethod(), page);
        text(receipt, "invoiceCode", draft.invoiceCode(), page);
        text(receipt, "invoiceNumber", draft.invoiceNumber(), page);
        String category = draft.category() == null ? "" : draft.category().strip().toLowerCase(Locale.ROOT);
        receipt.set("category", ExpensesSkill.CATEGORIES.contains(category) && !category.equals("other")
                ? field(category, page) : new ReceiptField("other", 0.5, null, page));
        if (draft.lineItems() != null) {
            for (ReceiptDraft.Item item : draft.lineItems()) {
                if (item == null || item.description() == null && item.amount() == null) {
                    continue;
                }
                receipt.lineItems.add(new Receipt.LineItem(
                        item.description() == null ? ReceiptField.missing(page) : field(item.description().strip(), page),
                        number(item.quantity(), page), number(item.unitPrice(), page), number(item.amount(), page)));
            }
        }
        return receipt;
    }

    private static LocalDate date(String value, String dateOrder) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            List<ReceiptValues.FoundDate> found = ReceiptValues.dates(value, dateOrder);
            return found.isEmpty() ? null : found.get(0).date();
        }
    }

    private static ReceiptField field(Object value, int page) {
        return new ReceiptField(value, CONFIDENCE, null, page);
    }

    private static void text(Receipt receipt, String name, String value, int page) {
        if (value != null && !value.isBlank() && !value.equalsIgnoreCase("null")) {
            receipt.set(name, field(value.strip(), page));
        }
    }

    private static void amount(Receipt receipt, String name, String value, int page) {
        BigDecimal amount = ReceiptValues.parseAmount(value);
        if (amount != null) {
            receipt.set(name, field(amount, page));
        }
    }

    private static ReceiptField number(String value, int page) {
        BigDecimal amount = ReceiptValues.parseAmount(value);
        return amount == null ? ReceiptField.missing(page) : field(amount, page);
    }
}
