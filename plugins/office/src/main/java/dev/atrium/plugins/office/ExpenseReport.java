package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The artifacts of an expense run: {@code expense-report.xlsx} (receipts, line items, totals by category as
 * SUMIFS formulas over the receipts sheet, and the flagged receipts) and one {@code receipt-<n>.png} per
 * receipt with the found fields boxed.
 */
final class ExpenseReport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String RECEIPTS = "Receipts";
    static final String LINE_ITEMS = "Line items";
    static final String TOTALS = "Totals by category";
    static final String FLAGGED = "Flagged";

    private static final List<String> RECEIPT_HEADERS = List.of("#", "File", "Page", "Vendor", "Date", "Currency",
            "Subtotal", "Tax", "Tip", "Total", "Category", "Payment", "Status");

    private ExpenseReport() {
    }

    static Media workbook(String employee, List<Receipt> receipts) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = book.createCellStyle();
            XSSFFont font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

            Sheet sheet = book.createSheet(RECEIPTS);
            // A reviewed report says what the reviewer approved, in a last column the formulas do not use.
            boolean reviewed = receipts.stream().anyMatch(r -> r.approved != null);
            List<String> headers = new java.util.ArrayList<>(RECEIPT_HEADERS);
            if (reviewed) {
                headers.add("Approved");
            }
            header(sheet.createRow(0), headers, bold);
            for (int i = 0; i < receipts.size(); i++) {
                Receipt r = receipts.get(i);
                Row row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue(i + 1);
                row.createCell(1).setCellValue(r.file);
                row.createCell(2).setCellValue(r.page);
                text(row, 3, r.text("vendor"));
                text(row, 4, r.text("date"));
                text(row, 5, r.text("currency"));
                amount(row, 6, r.amount("subtotal"), money);
                amount(row, 7, r.amount("tax"), money);
                amount(row, 8, r.amount("tip"), money);
                amount(row, 9, r.amount("total"), money);
                text(row, 10, r.text("category"));
                text(row, 11, r.text("paymentMethod"));
                text(row, 12, r.blocked() ? "blocked" : r.violations.isEmpty() ? "ok" : "warning");
                if (reviewed) {
                    text(row, 13, Boolean.TRUE.equals(r.approved) ? "yes" : "no");
                }
            }
            sheet.createFreezePane(0, 1);

            Sheet items = book.createSheet(LINE_ITEMS);
            header(items.createRow(0), List.of("Receipt", "Description", "Quantity", "Unit price", "Amount"), bold);
            int n = 1;
            for (int i = 0; i < receipts.size(); i++) {
                for (Receipt.LineItem item : receipts.get(i).lineItems) {
                    Row row = items.createRow(n++);
                    row.createCell(0).setCellValue(i + 1);
                    text(row, 1, item.description().value() == null ? null : item.description().value().toString());
                    amount(row, 2, item.quantity().value() instanceof BigDecimal q ? q : null, null);
                    amount(row, 3, item.unitPrice().value() instanceof BigDecimal u ? u : null, money);
                    amount(row, 4, item.amount().value() instanceof BigDecimal a ? a : null, money);
                }
            }

            // Totals are formulas over the receipts sheet, so edits there (a corrected total) flow through.
            Sheet totals = book.createSheet(TOTALS);
            header(totals.createRow(0), List.of("Category", "Currency", "Receipts", "Total"), bold);
            TreeSet<String> keys = new TreeSet<>();
            for (Receipt r : receipts) {
                if (r.amount("total") != null) {
                    keys.add(r.text("category") + "\t" + (r.text("currency") == null ? "" : r.text("currency")));
                }
            }
            int last = receipts.size() + 1;
            String cat = "'" + RECEIPTS + "'!$K$2:$K$" + last;
            String cur = "'" + RECEIPTS + "'!$F$2:$F$" + last;
            String tot = "'" + RECEIPTS + "'!$J$2:$J$" + last;
            int t = 1;
            for (String key : keys) {
                String[] parts = key.split("\t", -1);
                Row row = totals.createRow(t++);
                row.createCell(0).setCellValue(parts[0]);
                row.createCell(1).setCellValue(parts[1]);
                String a = "A" + t;
                String b = "B" + t;
                row.createCell(2).setCellFormula("COUNTIFS(" + cat + "," + a + "," + cur + "," + b + ")");
                Cell sum = row.createCell(3);
                sum.setCellFormula("SUMIFS(" + tot + "," + cat + "," + a + "," + cur + "," + b + ")");
                sum.setCellStyle(money);
            }
            for (int c = 0; c < 4; c++) {
                totals.autoSizeColumn(c);
            }

            Sheet flagged = book.createSheet(FLAGGED);
            header(flagged.createRow(0), List.of("Receipt", "File", "Vendor", "Kind", "Severity", "Message"), bold);
            int f = 1;
            for (int i = 0; i < receipts.size(); i++) {
                Receipt r = receipts.get(i);
                for (Receipt.Violation v : r.violations) {
                    flag(flagged.createRow(f++), i + 1, r, v.rule(), v.severity().name().toLowerCase(java.util.Locale.ROOT), v.message());
                }
                for (Receipt.Check c : r.checks) {
                    if (!c.status().equals("passed") && !c.status().equals("skipped") && !c.name().equals("duplicate")) {
                        flag(flagged.createRow(f++), i + 1, r, c.name(), c.status(), c.message());
                    }
                }
            }
            if (employee != null && !employee.isBlank()) {
                book.getProperties().getCoreProperties().setCreator(employee);
                book.getProperties().getCoreProperties().setTitle("Expense report of " + employee);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return Media.of("expense-report.xlsx", XLSX, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flag(Row row, int receipt, Receipt r, String kind, String severity, String message) {
        row.createCell(0).setCellValue(receipt);
        row.createCell(1).setCellValue(r.file);
        text(row, 2, r.text("vendor"));
        row.createCell(3).setCellValue(kind);
        row.createCell(4).setCellValue(severity);
        row.createCell(5).setCellValue(message);
    }

    private static void header(Row row, List<String> names, CellStyle style) {
        for (int i = 0; i < names.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(names.get(i));
            cell.setCellStyle(style);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value.doubleValue());
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /**
     * The receipt's page with a labelled box around every field that has one; a receipt spanning pages gets
     * them one under the other, each with the fields read on it, still as one {@code receipt-<n>.png}.
     */
    static Media annotated(int number, List<ReceiptPages.Page> pages, Receipt receipt) {
        int gap = pages.size() > 1 ? 24 : 0;
        int width = pages.stream().mapToInt(p -> p.image().getWidth()).max().orElse(1);
        int height = pages.stream().mapToInt(p -> p.image().getHeight()).sum() + gap * (pages.size() - 1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(160, 160, 160));
            g.fillRect(0, 0, width, height);
            int top = 0;
            for (ReceiptPages.Page page : pages) {
                Graphics2D pageGraphics = (Graphics2D) g.create(0, top, page.image().getWidth(), page.image().getHeight());
                try {
                    annotate(pageGraphics, page.image(), page.number(), receipt);
                } finally {
                    pageGraphics.dispose();
                }
                top += page.image().getHeight() + gap;
            }
        } finally {
            g.dispose();
        }
        return Media.of("receipt-" + number + ".png", "image/png", ReceiptPages.png(image));
    }

    private static void annotate(Graphics2D g, BufferedImage page, int pageNumber, Receipt receipt) {
        g.drawImage(page, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int stroke = Math.max(2, page.getWidth() / 400);
        g.setStroke(new BasicStroke(stroke));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, page.getWidth() / 60)));
        List<Map.Entry<String, ReceiptField>> boxes = new ArrayList<>(receipt.fields.entrySet());
        for (Map.Entry<String, ReceiptField> e : boxes) {
            ReceiptField field = e.getValue();
            if (field.box() == null || field.value() == null || field.page() != pageNumber) {
                continue;
            }
            Color color = field.confidence() < 0.6 ? new Color(220, 120, 0) : e.getKey().equals("total")
                    ? new Color(200, 0, 0) : new Color(0, 90, 200);
            int[] b = field.box();
            g.setColor(color);
            g.drawRect(b[0] - stroke, b[1] - stroke, b[2] + 2 * stroke, b[3] + 2 * stroke);
            g.drawString(e.getKey(), b[0], Math.max(g.getFont().getSize(), b[1] - stroke * 2));
        }
        g.setColor(new Color(0, 140, 60));
        for (Receipt.LineItem item : receipt.lineItems) {
            int[] b = item.amount().box();
            if (b != null && item.amount().page() == pageNumber) {
                g.drawRect(b[0] - stroke, b[1] - stroke, b[2] + 2 * stroke, b[3] + 2 * stroke);
            }
        }
    }
}
