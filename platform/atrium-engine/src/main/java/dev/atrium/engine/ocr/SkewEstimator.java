package dev.atrium.engine.ocr;

import java.awt.image.BufferedImage;

/**
 * Estimates how far text lines are tilted, by projection profiles: ink pixels of a small binarised copy are
 * projected onto rows at each candidate angle, and the angle whose profile is sharpest (lines and gaps
 * clearly apart) wins. Columns are tried too, so a page turned by a quarter turn is straightened as well;
 * Tesseract then reads its vertical lines itself.
 */
final class SkewEstimator {

    /** Long side of the analysed copy: lines stay apart, and the search takes a few milliseconds. */
    static final int PREVIEW_SIDE = 1000;
    /** Enough ink to see every line; more only costs time (the search is linear in points). */
    private static final int MAX_POINTS = 30_000;
    private static final double COARSE_STEP = 1.0;
    private static final double FINE_STEP = 0.2;

    private final double maxAngle;

    SkewEstimator(double maxAngle) {
        this.maxAngle = maxAngle;
    }

    /**
     * The result.
     *
     * @param correction degrees to turn the image by (clockwise on screen) to level its lines
     * @param gain how much sharper the profile is at the correction than at zero (1 = no better)
     */
    record Skew(double correction, double gain) {
    }

    Skew estimate(BufferedImage gray) {
        BufferedImage preview = GrayImages.preview(gray, PREVIEW_SIDE);
        int[] points = inkPoints(preview);
        if (points.length < 2 * 200) {
            return new Skew(0, 1);
        }
        int w = preview.getWidth();
        int h = preview.getHeight();
        Axis rows = search(points, w, h, false);
        Axis columns = search(points, w, h, true);
        Axis best = rows.score >= columns.score ? rows : columns;
        return new Skew(best.angle, best.atZero == 0 ? 1 : best.score / best.atZero);
    }

    private record Axis(double angle, double score, double atZero) {
    }

    private Axis search(int[] points, int w, int h, boolean columns) {
        double atZero = sharpness(points, w, h, 0, columns);
        double bestAngle = 0;
        double best = atZero;
        for (double a = -maxAngle; a <= maxAngle + 1e-9; a += COARSE_STEP) {
            double s = sharpness(points, w, h, a, columns);
            if (s > best) {
                best = s;
                bestAngle = a;
            }
        }
        double coarse = bestAngle;
        for (double a = coarse - COARSE_STEP; a <= coarse + COARSE_STEP + 1e-9; a += FINE_STEP) {
            double s = sharpness(points, w, h, a, columns);
            if (s > best) {
                best = s;
                bestAngle = a;
            }
        }
        return new Axis(Math.round(bestAngle * 10) / 10.0, best, atZero);
    }

    /** Sum of squared differences between neighbouring bins of the projection: high when lines are level. */
    private static double sharpness(int[] points, int w, int h, double degrees, boolean columns) {
        double r = Math.toRadians(degrees);
        double sin = Math.sin(r);
        double cos = Math.cos(r);
        int size = w + h + 2;
        int[] bins = new int[2 * size];
        for (int i = 0; i < points.length; i += 2) {
            int x = points[i];
            int y = points[i + 1];
            // The point's row (or column) after turning the image by `degrees`, clockwise with y down.
            double p = columns ? x * cos - y * sin : x * sin + y * cos;
            bins[(int) Math.round(p) + size]++;
        }
        double score = 0;
        for (int i = 1; i < bins.length; i++) {
            double d = bins[i] - bins[i - 1];
            score += d * d;
        }
        return score;
    }

    /** Coordinates (x, y pairs) of ink pixels, thinned to a bounded number. */
    private static int[] inkPoints(BufferedImage preview) {
        byte[] pixels = GrayImages.pixels(preview);
        int threshold = GrayImages.otsu(pixels);
        int dark = 0;
        for (byte p : pixels) {
            if ((p & 0xff) <= threshold) {
                dark++;
            }
        }
        // Light text on a dark background: the ink is the minority, so take the other side.
        boolean inkIsDark = dark <= pixels.length / 2;
        int ink = inkIsDark ? dark : pixels.length - dark;
        int stride = Math.max(1, ink / MAX_POINTS);
        int[] points = new int[2 * (ink / stride + 1)];
        int n = 0;
        int seen = 0;
        int w = preview.getWidth();
        for (int i = 0; i < pixels.length; i++) {
            boolean isDark = (pixels[i] & 0xff) <= threshold;
            if (isDark == inkIsDark && seen++ % stride == 0 && n + 1 < points.length) {
                points[n++] = i % w;
                points[n++] = i / w;
            }
        }
        return java.util.Arrays.copyOf(points, n);
    }
}
