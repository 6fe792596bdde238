package dev.atrium.plugins.office;

import dev.atrium.sdk.Media;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Receipts drawn by the tests with Java2D: rows of text with amounts right-aligned, as a till prints them.
 * Remembers where each labelled text was drawn, so tests can check the boxes the skill reports.
 */
final class ReceiptImages {

    static final String LATIN_FONT = "DejaVu Sans";
    static final String CJK_FONT = "WenQuanYi Zen Hei";

    /** A row: text on the left, an optional amount right-aligned; a label to find its box again. */
    record Line(String left, String right, String label) {
    }

    static Line row(String left) {
        return new Line(left, null, null);
    }

    static Line row(String left, String right) {
        return new Line(left, right, null);
    }

    static Line labelled(String label, String left, String right) {
        return new Line(left, right, label);
    }

    /** A drawn receipt and where its labelled rows' right-hand texts (or left texts) are. */
    record Drawn(BufferedImage image, Map<String, Rectangle> boxes) {

        Media png(String name) {
            return Media.of(name, "image/png", ReceiptImages.png(image));
        }

        Media jpeg(String name) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                rgb.getGraphics().drawImage(image, 0, 0, null);
                ImageIO.write(rgb, "jpg", out);
                return Media.of(name, "image/jpeg", out.toByteArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ReceiptImages() {
    }

    static Drawn draw(String fontName, double rotateDegrees, List<Line> lines) {
        int width = 820;
        int lineHeight = 46;
        int height = 80 + lines.size() * lineHeight + 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        Map<String, Rectangle> boxes = new LinkedHashMap<>();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            if (rotateDegrees != 0) {
                g.rotate(Math.toRadians(rotateDegrees), width / 2.0, height / 2.0);
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(fontName, Font.PLAIN, 28));
            FontMetrics metrics = g.getFontMetrics();
            int y = 80;
            for (Line line : lines) {
                g.drawString(line.left(), 40, y);
                Rectangle box = new Rectangle(40, y - metrics.getAscent(), metrics.stringWidth(line.left()), metrics.getAscent());
                if (line.right() != null) {
                    int w = metrics.stringWidth(line.right());
                    g.drawString(line.right(), width - 40 - w, y);
                    box = new Rectangle(width - 40 - w, y - metrics.getAscent(), w, metrics.getAscent());
                }
                if (line.label() != null) {
                    boxes.put(line.label(), box);
                }
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        return new Drawn(image, boxes);
    }

    /** A café receipt in US dollars with two items, tax and tip, paid by card. */
    static Drawn english(double rotate) {
        return draw(LATIN_FONT, rotate, englishRows());
    }

    /** The rows of {@link #english}. */
    static List<Line> englishRows() {
        return List.of(
                labelled("vendor", "BLUE HARBOR CAFE", null),
                row("12 Harbour Street, Springfield"),
                row("Tel: 555-0101"),
                labelled("date", "Date: 14/11/2026   Time: 12:45", null),
                row("Cappuccino 2 x 4.50", "9.00"),
                row("Club Sandwich", "12.50"),
                labelled("subtotal", "Subtotal", "21.50"),
                labelled("tax", "Sales Tax 8%", "1.72"),
                labelled("tip", "Tip", "3.00"),
                labelled("total", "TOTAL", "$26.22"),
                row("VISA ****4242"),
                row("Thank you, come again"));
    }

    /** A Chinese VAT invoice (增值税普通发票) in yuan: net amount, tax, total with tax. */
    static Drawn chineseInvoice() {
        return draw(CJK_FONT, 0, List.of(
                row("上海增值税普通发票"),
                labelled("invoiceCode", "发票代码：031001900111", null),
                labelled("invoiceNumber", "发票号码：12345678", null),
                labelled("date", "开票日期：2026年11月20日", null),
                row("购买方名称：北京星辰科技有限公司"),
                row("餐饮服务*餐费", "100.00"),
                labelled("subtotal", "金额", "¥100.00"),
                labelled("tax", "税额", "¥6.00"),
                labelled("total", "价税合计（小写）", "¥106.00"),
                labelled("vendor", "销售方名称：上海明珠餐饮有限公司", null),
                row("地址：上海市黄浦区南京东路100号")));
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF with one receipt image per page, as a scanner produces it; optionally password-protected. */
    static Media pdf(String name, String password, BufferedImage... pages) {
        try (PDDocument doc = new PDDocument()) {
            for (BufferedImage page : pages) {
                float w = page.getWidth() * 72f / 150;
                float h = page.getHeight() * 72f / 150;
                PDPage pdfPage = new PDPage(new PDRectangle(w, h));
                doc.addPage(pdfPage);
                PDImageXObject image = LosslessFactory.createFromImage(doc, page);
                try (PDPageContentStream content = new PDPageContentStream(doc, pdfPage)) {
                    content.drawImage(image, 0, 0, w, h);
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + password, password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return Media.of(name, "application/pdf", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A small valid PNG, for tests whose OCR is scripted. */
    static Media blank(String name) {
        BufferedImage image = new BufferedImage(400, 600, BufferedImage.TYPE_BYTE_GRAY);
        return Media.of(name, "image/png", png(image));
    }
}
