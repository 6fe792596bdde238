package dev.atrium.plugins.office;

import java.awt.image.BufferedImage;

/**
 * Finds red ink on a receipt: a PAID or date stamp, or a reviewer's tick, laid over the print. Converted to grey
 * by luminance, red ink is as dark as the print and OCR reads the two as one (a shop name under a stamp comes
 * out as {@code TEO HEN ... B'GGRKS}). Taken from the red channel alone, red ink turns as light as the paper
 * while black and blue print stays dark, so a stamped page is read from its red channel (colour drop-out, as
 * document scanners do for forms).
 */
final class RedStamps {

    /** How much redder than green and blue a pixel must be to count as red ink. */
    static final int RED_MARGIN = 50;
    /** Share of the page's pixels that must be red ink; a speck of red in a logo is not a stamp. */
    static final double MIN_SHARE = 0.001;

    private RedStamps() {
    }

    /** Whether at least {@link #MIN_SHARE} of the page (sampled every other pixel both ways) is red ink. */
    static boolean present(BufferedImage page) {
        if (page.getType() == BufferedImage.TYPE_BYTE_GRAY || page.getType() == BufferedImage.TYPE_BYTE_BINARY) {
            return false;
        }
        byte[] bgr = page.getType() == BufferedImage.TYPE_3BYTE_BGR ? GrayEnlarger.plainBytes(page) : null;
        long red = 0;
        long sampled = 0;
        for (int y = 0; y < page.getHeight(); y += 2) {
            for (int x = 0; x < page.getWidth(); x += 2) {
                int r;
                int g;
                int b;
                if (bgr != null) {
                    int at = (y * page.getWidth() + x) * 3;
                    b = bgr[at] & 0xff;
                    g = bgr[at + 1] & 0xff;
                    r = bgr[at + 2] & 0xff;
                } else {
                    int rgb = page.getRGB(x, y);
                    r = (rgb >> 16) & 0xff;
                    g = (rgb >> 8) & 0xff;
                    b = rgb & 0xff;
                }
                if (r - Math.max(g, b) > RED_MARGIN) {
                    red++;
                }
                sampled++;
            }
        }
        return sampled > 0 && red >= MIN_SHARE * sampled;
    }
}
