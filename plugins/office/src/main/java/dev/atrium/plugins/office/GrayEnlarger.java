package dev.atrium.plugins.office;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Resizes a page to 8-bit grey with bicubic interpolation, giving the very pixels Java2D's bicubic
 * {@code drawImage} gives (the same 8-bit kernel table, 32.32 fixed-point sampling positions, rounding and
 * grey weights) in a fraction of its time. Java2D goes through a general ARGB path and takes about 120 ms to
 * enlarge a receipt to 1,200 pixels; the same sums done as two one-dimensional integer passes take about a
 * sixth of that. The pixels must stay the same: Tesseract's readings of faint receipts turn on single grey
 * levels, and the receipt rules were measured on these pixels.
 */
final class GrayEnlarger {

    private static final int TAPS = 4;
    /** Keys' cubic kernel (a = -0.5) at 1/256 steps over [0, 2], scaled to 256, each four taps summing to 256. */
    private static final int[] KERNEL = kernel(-0.5);

    private GrayEnlarger() {
    }

    /** The image in grey at {@code width} x {@code height}. */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        return resize(source, width, height, false);
    }

    /**
     * The image in grey at {@code width} x {@code height}.
     *
     * @param redChannel whether grey is the red channel, lightened by how much redder than green and blue a
     *     pixel is, which turns red ink as light as the paper ({@link RedStamps}), instead of luminance
     */
    static BufferedImage resize(BufferedImage source, int width, int height, boolean redChannel) {
        byte[] data = plainBytes(source);
        int channels = data == null ? 0
                : source.getType() == BufferedImage.TYPE_BYTE_GRAY ? 1
                : source.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 0;
        if (channels == 0 && redChannel) {
            return resize(bgr(source), width, height, true);
        }
        if (channels == 0) {
            return java2d(source, width, height);
        }
        int sw = source.getWidth();
        int sh = source.getHeight();
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        if (width == sw && height == sh) {
            // At the same size every pixel is sampled at its own centre, where the kernel is (0, 256, 0, 0):
            // the sums below come to the pixel itself, so only the grey conversion is left.
            for (int i = 0; i < out.length; i++) {
                out[i] = channels == 1 ? data[i] : grey(data[3 * i + 2] & 0xff, data[3 * i + 1] & 0xff,
                        data[3 * i] & 0xff, redChannel);
            }
            return gray;
        }
        Taps across = taps(sw, width);
        Taps down = taps(sh, height);
        // Rows first, each source row resized to the new width (sums still scaled by 256), then columns.
        int[][] rows = new int[channels][sh * width];
        for (int y = 0; y < sh; y++) {
            int in = y * sw;
            int at = y * width;
            for (int x = 0; x < width; x++) {
                int t = x * TAPS;
                if (channels == 1) {
                    int sum = 0;
                    for (int k = 0; k < TAPS; k++) {
                        sum += (data[in + across.index[t + k]] & 0xff) * across.weight[t + k];
                    }
                    rows[0][at + x] = sum;
                } else {
                    // The three channels of a tap lie side by side: read them together.
                    int b = 0;
                    int g = 0;
                    int r = 0;
                    for (int k = 0; k < TAPS; k++) {
                        int from = (in + across.index[t + k]) * 3;
                        int weight = across.weight[t + k];
                        b += (data[from] & 0xff) * weight;
                        g += (data[from + 1] & 0xff) * weight;
                        r += (data[from + 2] & 0xff) * weight;
                    }
                    rows[0][at + x] = b;
                    rows[1][at + x] = g;
                    rows[2][at + x] = r;
                }
            }
        }
        int[][] line = new int[channels][width];
        for (int y = 0; y < height; y++) {
            int t = y * TAPS;
            for (int c = 0; c < channels; c++) {
                int[] plane = rows[c];
                int[] acc = line[c];
                java.util.Arrays.fill(acc, 1 << 15);
                for (int k = 0; k < TAPS; k++) {
                    int from = down.index[t + k] * width;
                    int w = down.weight[t + k];
                    for (int x = 0; x < width; x++) {
                        acc[x] += plane[from + x] * w;
                    }
                }
            }
            int at = y * width;
            for (int x = 0; x < width; x++) {
                if (channels == 1) {
                    out[at + x] = (byte) clamp(line[0][x] >> 16);
                } else {
                    out[at + x] = grey(clamp(line[2][x] >> 16), clamp(line[1][x] >> 16), clamp(line[0][x] >> 16),
                            redChannel);
                }
            }
        }
        return gray;
    }

    /** Java2D's grey for a colour pixel, or the red channel lightened by how much redder the pixel is. */
    private static byte grey(int r, int g, int b, boolean redChannel) {
        return redChannel ? (byte) Math.min(255, r + Math.max(0, r - Math.max(g, b)))
                : (byte) ((77 * r + 150 * g + 29 * b + 128) >> 8);
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    /** For each target pixel, the four source pixels it is drawn from (clamped at the edges) and their weights. */
    private record Taps(int[] index, int[] weight) {
    }

    /** Sampling positions as Java2D steps them: 32.32 fixed point from the centre of the first target pixel. */
    private static Taps taps(int from, int to) {
        int[] index = new int[to * TAPS];
        int[] weight = new int[to * TAPS];
        double inverse = 1.0 / ((double) to / from);
        long step = (long) (inverse * 4294967296.0);
        long position = (long) (0.5 * inverse * 4294967296.0) - (1L << 31);
        for (int i = 0; i < to; i++, position += step) {
            int whole = (int) (position >> 32);
            int fraction = (int) ((position >>> 24) & 0xff);
            int t = i * TAPS;
            weight[t] = KERNEL[256 + fraction];
            weight[t + 1] = KERNEL[fraction];
            weight[t + 2] = KERNEL[256 - fraction];
            weight[t + 3] = KERNEL[512 - fraction];
            for (int k = 0; k < TAPS; k++) {
                index[t + k] = Math.max(0, Math.min(from - 1, whole - 1 + k));
            }
        }
        return new Taps(index, weight);
    }

    private static int[] kernel(double a) {
        int[] table = new int[513];
        int i = 0;
        for (; i < 256; i++) {
            double x = i / 256.0;
            table[i] = (int) ((((a + 2) * x - (a + 3)) * x * x + 1) * 256);
        }
        for (; i < 384; i++) {
            double x = i / 256.0;
            table[i] = (int) ((((a * x - 5 * a) * x + 8 * a) * x - 4 * a) * 256);
        }
        table[384] = (256 - table[128] * 2) / 2;
        for (i++; i <= 512; i++) {
            table[i] = 256 - (table[512 - i] + table[i - 256] + table[768 - i]);
        }
        return table;
    }

    /** The pixel bytes when the raster is one plain interleaved array, else null. */
    static byte[] plainBytes(BufferedImage src) {
        Raster raster = src.getRaster();
        boolean plain = raster.getDataBuffer() instanceof DataBufferByte
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && sm.getScanlineStride() == src.getWidth() * sm.getPixelStride()
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        return plain ? ((DataBufferByte) raster.getDataBuffer()).getData() : null;
    }

    /** A copy in the plain colour layout the sums above read. */
    private static BufferedImage bgr(BufferedImage source) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = copy.createGraphics();
        try {
            // Transparent pixels are paper, not black.
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** Other pixel layouts (PDF renderings with alpha, indexed PNGs) are rare enough to leave to Java2D. */
    private static BufferedImage java2d(BufferedImage source, int width, int height) {
        BufferedImage big = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return big;
    }
}
