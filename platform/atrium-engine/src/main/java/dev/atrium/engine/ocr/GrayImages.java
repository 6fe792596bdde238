package dev.atrium.engine.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The few raster operations OCR preparation needs, on 8-bit gray images with a white background. */
final class GrayImages {

    private GrayImages() {
    }

    /**
     * The image in 8-bit gray at the given size, no larger than the source: each target pixel is the mean
     * luminance of the source pixels it covers (box filter, right for shrinking text). Transparent parts
     * become white, not black. Reads rasters directly: Java2D's own gray conversion is several times slower.
     */
    static BufferedImage gray(BufferedImage source, int width, int height) {
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[] lum = luminance(source);
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = pixels(gray);
        if (width == sw && height == sh) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) lum[i];
            }
            return gray;
        }
        for (int y = 0; y < height; y++) {
            int y0 = (int) ((long) y * sh / height);
            int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * sh / height));
            for (int x = 0; x < width; x++) {
                int x0 = (int) ((long) x * sw / width);
                int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * sw / width));
                int sum = 0;
                for (int yy = y0; yy < y1; yy++) {
                    int row = yy * sw;
                    for (int xx = x0; xx < x1; xx++) {
                        sum += lum[row + xx];
                    }
                }
                out[y * width + x] = (byte) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return gray;
    }

    /** Luminance 0-255 of every pixel (ITU-R BT.601 weights), row by row, alpha composed over white. */
    private static int[] luminance(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        int[] lum = new int[w * h];
        java.awt.image.Raster raster = src.getRaster();
        boolean plain = raster.getDataBuffer() instanceof DataBufferByte
                && raster.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                && sm.getScanlineStride() == w * sm.getPixelStride()
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
        if (plain && src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] data = pixels(src);
            for (int i = 0; i < lum.length; i++) {
                lum[i] = data[i] & 0xff;
            }
            return lum;
        }
        if (plain && src.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] data = pixels(src);
            for (int i = 0, p = 0; i < lum.length; i++, p += 3) {
                lum[i] = (114 * (data[p] & 0xff) + 587 * (data[p + 1] & 0xff) + 299 * (data[p + 2] & 0xff)) / 1000;
            }
            return lum;
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int l = (299 * ((argb >> 16) & 0xff) + 587 * ((argb >> 8) & 0xff) + 114 * (argb & 0xff)) / 1000;
                lum[y * w + x] = (a * l + (255 - a) * 255) / 255;
            }
        }
        return lum;
    }

    /** The pixels of an 8-bit gray image, row by row (shared, not copied). */
    static byte[] pixels(BufferedImage gray) {
        return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    }

    /** A nearest-neighbour copy whose longer side is at most {@code maxSide}; for analysis only. */
    static BufferedImage preview(BufferedImage gray, int maxSide) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        if (scale == 1.0) {
            return gray;
        }
        int pw = Math.max(1, (int) Math.round(w * scale));
        int ph = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(pw, ph, BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = pixels(gray);
        byte[] dst = pixels(out);
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(h - 1, (int) (y / scale));
            for (int x = 0; x < pw; x++) {
                dst[y * pw + x] = src[sy * w + Math.min(w - 1, (int) (x / scale))];
            }
        }
        return out;
    }

    /** A copy of rows {@code [top, bottom)} of the image, the whole width. */
    static BufferedImage rows(BufferedImage gray, int top, int bottom) {
        BufferedImage out = new BufferedImage(gray.getWidth(), bottom - top, BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(0, -top, gray.getRaster());
        return out;
    }

    /** The image turned by half a turn. */
    static BufferedImage rotate180(BufferedImage gray) {
        BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] src = pixels(gray);
        byte[] dst = pixels(out);
        for (int i = 0, n = src.length; i < n; i++) {
            dst[n - 1 - i] = src[i];
        }
        return out;
    }

    /**
     * The transform that turns an image of the given size by {@code degrees} (clockwise on screen) about its
     * centre onto a canvas just large enough to hold it.
     */
    static AffineTransform rotation(int width, int height, double degrees) {
        double r = Math.toRadians(degrees);
        double cos = Math.abs(Math.cos(r));
        double sin = Math.abs(Math.sin(r));
        double newW = Math.ceil(width * cos + height * sin);
        double newH = Math.ceil(width * sin + height * cos);
        AffineTransform t = new AffineTransform();
        t.translate(newW / 2, newH / 2);
        t.rotate(r);
        t.translate(-width / 2.0, -height / 2.0);
        return t;
    }

    /** Applies a {@link #rotation} with bilinear interpolation on a white canvas. */
    static BufferedImage rotate(BufferedImage gray, double degrees) {
        double r = Math.toRadians(degrees);
        int w = (int) Math.ceil(gray.getWidth() * Math.abs(Math.cos(r)) + gray.getHeight() * Math.abs(Math.sin(r)));
        int h = (int) Math.ceil(gray.getWidth() * Math.abs(Math.sin(r)) + gray.getHeight() * Math.abs(Math.cos(r)));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(gray, rotation(gray.getWidth(), gray.getHeight(), degrees), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes a binary PGM: no compression, so writing and Tesseract's reading cost next to nothing. */
    static void writePgm(BufferedImage gray, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("P5\n" + gray.getWidth() + " " + gray.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
            byte[] data = pixels(gray);
            int stride = gray.getRaster().getSampleModel() instanceof java.awt.image.ComponentSampleModel c
                    ? c.getScanlineStride() : gray.getWidth();
            if (stride == gray.getWidth()) {
                out.write(data, 0, gray.getWidth() * gray.getHeight());
            } else {
                for (int y = 0; y < gray.getHeight(); y++) {
                    out.write(data, y * stride, gray.getWidth());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Otsu's threshold of 8-bit pixels: the level that best separates ink from paper. */
    static int otsu(byte[] pixels) {
        int[] histogram = new int[256];
        for (byte p : pixels) {
            histogram[p & 0xff]++;
        }
        long total = pixels.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumBackground = 0;
        long weightBackground = 0;
        double best = -1;
        int threshold = 127;
        for (int t = 0; t < 256; t++) {
            weightBackground += histogram[t];
            if (weightBackground == 0) {
                continue;
            }
            long weightForeground = total - weightBackground;
            if (weightForeground == 0) {
                break;
            }
            sumBackground += (double) t * histogram[t];
            double meanBackground = sumBackground / weightBackground;
            double meanForeground = (sum - sumBackground) / weightForeground;
            double between = (double) weightBackground * weightForeground
                    * (meanBackground - meanForeground) * (meanBackground - meanForeground);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
