package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GrayEnlargerTest {

    /** What the receipt rules were measured on: Java2D's bicubic drawImage onto a grey canvas. */
    private static BufferedImage java2d(BufferedImage source, int width, int height) {
        BufferedImage big = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return big;
    }

    /** A colour page with text, thin rules and noise: sharp edges are where bicubic overshoots and clamps. */
    private static BufferedImage colourPage() {
        BufferedImage page = new BufferedImage(463, 611, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = page.createGraphics();
        g.setColor(new Color(250, 246, 235));
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(new Color(40, 30, 90));
        g.setFont(g.getFont().deriveFont(13f));
        for (int y = 20; y < page.getHeight(); y += 17) {
            g.drawString("TOTAL 37.10 RM 8.20 GST 6% " + y, 12, y);
        }
        g.setColor(Color.RED);
        g.drawLine(0, 300, 462, 310);
        g.dispose();
        Random noise = new Random(7);
        for (int i = 0; i < 5000; i++) {
            page.setRGB(noise.nextInt(page.getWidth()), noise.nextInt(page.getHeight()), noise.nextInt(0xffffff));
        }
        return page;
    }

    private static BufferedImage grey(BufferedImage colour) {
        BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(colour, 0, 0, null);
        return grey;
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }

    @Test
    void enlargesToExactlyThePixelsJava2dGivesForColourAndGreyPages() {
        BufferedImage colour = colourPage();
        for (BufferedImage page : new BufferedImage[] {colour, grey(colour)}) {
            for (int width : new int[] {463, 1200, 1391, 1389}) {
                int height = (int) Math.round(page.getHeight() * (double) width / page.getWidth());
                BufferedImage mine = GrayEnlarger.resize(page, width, height);
                assertThat(mine.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
                assertThat(pixels(mine)).as("type %d at %d px", page.getType(), width)
                        .isEqualTo(pixels(java2d(page, width, height)));
            }
        }
    }

    @Test
    void otherPixelLayoutsStillComeOutGrey() {
        BufferedImage argb = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = argb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.BLACK);
        g.fillRect(10, 10, 20, 10);
        g.dispose();
        BufferedImage big = GrayEnlarger.resize(argb, 120, 90);
        assertThat(big.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(big.getRaster().getSample(60, 45, 0)).isZero();
        assertThat(big.getRaster().getSample(5, 5, 0)).isEqualTo(255);
    }
}
