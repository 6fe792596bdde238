package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.testkit.SkillRun;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RedStampsTest {

    private static final Color STAMP_RED = new Color(225, 40, 60);

    /**
     * The café receipt in colour with a red PAID stamp pressed over its shop name and its total. Stamp ink darkens
     * the paper it lands on and leaves the print under it black, so the stamp is drawn on its own sheet and laid
     * over the receipt channel by channel, keeping the darker value.
     */
    static BufferedImage stamped(BufferedImage receipt) {
        int width = receipt.getWidth();
        int height = receipt.getHeight();
        BufferedImage stamp = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = stamp.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(STAMP_RED);
            g.setStroke(new BasicStroke(7));
            // Lines through the shop name's letters and the total's figures, and a stamp's frame and word.
            g.drawLine(20, 50, 520, 100);
            g.drawLine(20, 90, 520, 40);
            g.drawLine(500, 470, 800, 510);
            g.drawLine(500, 510, 800, 460);
            g.drawRoundRect(60, 25, 420, 90, 30, 30);
            g.setFont(new Font(ReceiptImages.LATIN_FONT, Font.BOLD, 64));
            g.drawString("PAID", 250, 110);
        } finally {
            g.dispose();
        }
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int print = receipt.getRGB(x, y);
                int ink = stamp.getRGB(x, y);
                int rgb = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    rgb |= Math.min((print >> shift) & 0xff, (ink >> shift) & 0xff) << shift;
                }
                page.setRGB(x, y, rgb);
            }
        }
        return page;
    }

    private static ReceiptPages.Page page(BufferedImage image) {
        return ReceiptPages.Page.rendered(1, "page.png", image, null);
    }

    @Test
    void aStampIsFoundAndPrintAloneOrASpeckOfRedIsNot() {
        BufferedImage receipt = ReceiptImages.english(0).image();
        BufferedImage colourPrint = new BufferedImage(receipt.getWidth(), receipt.getHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = colourPrint.createGraphics();
        g.drawImage(receipt, 0, 0, null);
        g.setColor(STAMP_RED);
        g.fillOval(10, 10, 12, 12); // a small red logo: about 0.03 % of the page
        g.dispose();

        assertThat(RedStamps.present(stamped(receipt))).isTrue();
        assertThat(RedStamps.present(receipt)).as("grey page").isFalse();
        assertThat(RedStamps.present(colourPrint)).as("a speck of red").isFalse();
    }

    @Test
    void theRedChannelTurnsRedInkAsLightAsThePaperAndKeepsBlackAndBluePrintDark() {
        BufferedImage inks = new BufferedImage(4, 1, BufferedImage.TYPE_3BYTE_BGR);
        inks.setRGB(0, 0, 0xF4F2EE); // paper
        inks.setRGB(1, 0, STAMP_RED.getRGB());
        inks.setRGB(2, 0, 0x202020); // black print
        inks.setRGB(3, 0, 0x2A3A9A); // blue print

        BufferedImage luminance = GrayEnlarger.resize(inks, 4, 1);
        BufferedImage dropped = GrayEnlarger.resize(inks, 4, 1, true);

        int paper = dropped.getRaster().getSample(0, 0, 0);
        assertThat(luminance.getRaster().getSample(1, 0, 0)).as("red by luminance").isLessThan(100);
        assertThat(dropped.getRaster().getSample(1, 0, 0)).as("red dropped").isGreaterThanOrEqualTo(paper);
        assertThat(dropped.getRaster().getSample(2, 0, 0)).as("black").isLessThan(50);
        assertThat(dropped.getRaster().getSample(3, 0, 0)).as("blue").isLessThan(70);
    }

    @Test
    void aStampedPageIsPreparedWithoutItsStampUnlessRedIsKeptForChinese() throws IOException {
        BufferedImage page = stamped(ReceiptImages.english(0).image());
        // A pixel on the stamp's frame, away from any print.
        int x = 270;
        int y = 25;

        ReceiptPages.Page stamped = page(page);
        assertThat(stamped.redStamped()).isTrue();
        BufferedImage latin = ImageIO.read(new ByteArrayInputStream(
                OcrImage.prepare(stamped, false, 0, stamped.redStamped()).media().bytes()));
        BufferedImage chinese = ImageIO.read(new ByteArrayInputStream(
                OcrImage.prepare(page(page), false, 0, false).media().bytes()));

        double scale = (double) latin.getWidth() / page.getWidth();
        assertThat(latin.getRaster().getSample((int) (x * scale), (int) (y * scale), 0)).isGreaterThan(200);
        assertThat(chinese.getRaster().getSample((int) (x * scale), (int) (y * scale), 0)).isLessThan(120);
    }

    @Test
    void theShopNameAndTotalUnderARedStampAreRead() {
        assumeTrue(EmbeddedOcrModels.available(), "tesseract is not installed");
        ReceiptImages.Drawn drawn = ReceiptImages.english(0);
        Media photo = new ReceiptImages.Drawn(stamped(drawn.image()), drawn.boxes()).jpeg("stamped.jpg");

        SkillRun run = ExpensesSkillTest.harness().file("files", photo).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> receipt = ExpensesSkillTest.receipts(run).get(0);
        assertThat(ExpensesSkillTest.value(receipt, "vendor")).isEqualTo("BLUE HARBOR CAFE");
        assertThat(ExpensesSkillTest.amount(receipt, "total")).isEqualByComparingTo(new BigDecimal("26.22"));
        assertThat(ExpensesSkillTest.value(receipt, "date")).isEqualTo("2026-11-14");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) receipt.get("checks");
        assertThat(checks).anySatisfy(c -> assertThat(c).containsEntry("name", "arithmetic")
                .containsEntry("status", "passed"));
    }

    @Test
    void aShopNamePrintedInRedIsStillReadOffTheSecondReading() {
        assumeTrue(EmbeddedOcrModels.available(), "tesseract is not installed");
        BufferedImage grey = ReceiptImages.english(0).image();
        BufferedImage page = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        try {
            g.drawImage(grey, 0, 0, null);
            // The name's row printed again in red ink over white: a till with a two-colour head.
            g.setColor(Color.WHITE);
            g.fillRect(0, 40, page.getWidth(), 50);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(STAMP_RED);
            g.setFont(new Font(ReceiptImages.LATIN_FONT, Font.PLAIN, 28));
            g.drawString("BLUE HARBOR CAFE", 40, 80);
        } finally {
            g.dispose();
        }
        assertThat(RedStamps.present(page)).isTrue();

        SkillRun run = ExpensesSkillTest.harness().file("files", Media.of("red.png", "image/png",
                ReceiptImages.png(page))).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> receipt = ExpensesSkillTest.receipts(run).get(0);
        assertThat(ExpensesSkillTest.value(receipt, "vendor")).isEqualTo("BLUE HARBOR CAFE");
        assertThat(ExpensesSkillTest.amount(receipt, "total")).isEqualByComparingTo(new BigDecimal("26.22"));
    }

    @Test
    void transparentPixelsArePaperWhenRedIsDropped() {
        BufferedImage inks = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        inks.setRGB(0, 0, 0x00000000); // transparent
        inks.setRGB(1, 0, 0xFF000000 | STAMP_RED.getRGB());
        inks.setRGB(2, 0, 0xFF202020);

        BufferedImage dropped = GrayEnlarger.resize(inks, 3, 1, true);

        assertThat(dropped.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(dropped.getRaster().getSample(1, 0, 0)).isEqualTo(255);
        assertThat(dropped.getRaster().getSample(2, 0, 0)).isLessThan(50);
    }

    @Test
    void aLargeStampedPhotoIsPreparedNoLargerThanOcrReads() throws IOException {
        BufferedImage photo = new BufferedImage(6000, 4500, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 6000, 4500);
        g.setColor(STAMP_RED);
        g.fillRect(100, 100, 800, 400);
        g.dispose();
        ReceiptPages.Page page = page(photo);

        OcrImage.Prepared prepared = OcrImage.prepare(page, false, 0, page.redStamped());

        BufferedImage read = ImageIO.read(new ByteArrayInputStream(prepared.media().bytes()));
        assertThat(Math.max(read.getWidth(), read.getHeight())).isEqualTo(OcrImage.MAX_SIDE);
        assertThat(prepared.scale()).isEqualTo((double) read.getWidth() / photo.getWidth());
    }
}
