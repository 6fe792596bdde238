package dev.atrium.plugins.office;

import java.util.List;

/**
 * What a vision model is asked to return for one receipt image. Amounts are strings as printed (the skill
 * parses them), the date is {@code yyyy-MM-dd}, the currency an ISO 4217 code.
 *
 * @param vendor        the merchant or, on a Chinese VAT invoice, the seller (销售方)
 * @param address       the merchant's address
 * @param date          yyyy-MM-dd (开票日期 on a VAT invoice)
 * @param time          HH:mm or HH:mm:ss
 * @param currency      ISO 4217 code
 * @param subtotal      before tax (金额)
 * @param tax           tax (税额)
 * @param tip           tip or service charge
 * @param total         what was paid (价税合计)
 * @param paymentMethod cash, card brand with last four digits, wallet
 * @param category      meals, travel, lodging, transport, office supplies or other
 * @param invoiceCode   发票代码, if any
 * @param invoiceNumber invoice or receipt number (发票号码)
 * @param lineItems     the purchased items
 */
public record ReceiptDraft(String vendor, String address, String date, String time, String currency, String subtotal,
                           String tax, String tip, String total, String paymentMethod, String category,
                           String invoiceCode, String invoiceNumber, List<Item> lineItems) {

    /** One purchased item. */
    public record Item(String description, String quantity, String unitPrice, String amount) {
    }
}
