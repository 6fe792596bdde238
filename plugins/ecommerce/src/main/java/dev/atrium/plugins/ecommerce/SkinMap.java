package dev.atrium.plugins.ecommerce;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the person photo shows bare skin, for the try-on region estimate. A pixel is skin by a fixed chroma box in
 * YCbCr (skin tones of every complexion fall in a small Cb/Cr box; brightness varies far more than chroma), which
 * excludes grey; the largest skin blob near the top of the silhouette is taken as the face, and the box is then
 * tightened to the face's own Cb/Cr spread so that skin-like clothing (beige, tan) drops out. The map is cleaned by
 * a morphological opening and closing and split into 4-connected blobs.
 */
final class SkinMap {

    /** The generic chroma box: Cb and Cr bounds, and a floor on brightness (deep shadow has no reliable chroma). */
    static final int CB_MIN = 77;
    static final int CB_MAX = 127;
    static final int CR_MIN = 133;
    static final int CR_MAX = 173;
    static final int Y_MIN = 40;

    /**
     * A connected group of skin pixels.
     *
     * @param id label in {@link #labels}
     * @param area pixel count
     * @param minX left
     * @param minY top
     * @param maxX right (inclusive)
     * @param maxY bottom (inclusive)
     */
    record Blob(int id, int area, int minX, int minY, int maxX, int maxY) {
    }

    /**
     * The face: the head's skin from the hairline to the chin, and its blob (which may go on into the neck).
     *
     * @param box hairline-to-chin box
     * @param chin the chin row: the narrowest row below the face's widest, where the neck starts
     * @param blob the skin blob the face belongs to
     */
    record Face(TryOnCompositor.Region box, int chin, Blob blob) {
        int height() {
            return box.height();
        }

        int width() {
            return box.width();
        }

        int centreX() {
            return box.x() + box.width() / 2;
        }
    }

    final int width;
    final int height;
    final boolean[] skin;
    final int[] labels;
    final List<Blob> blobs;
    final Face face;

    private SkinMap(int width, int height, boolean[] skin, int[] labels, List<Blob> blobs, Face face) {
        this.width = width;
        this.height = height;
        this.skin = skin;
        this.labels = labels;
        this.blobs = blobs;
        this.face = face;
    }

    /** True when a face was found; without one nothing here is trusted and the estimate ignores the map. */
    boolean plausible() {
        return face != null;
    }

    /**
     * Segments the photo's skin inside the silhouette {@code body} (null: the whole photo).
     *
     * @param top first row of the silhouette
     * @param bottom last row of the silhouette
     */
    static SkinMap of(BufferedImage photo, boolean[] body, int top, int bottom) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        int[] rgb = photo.getRGB(0, 0, w, h, null, 0, w);
        int[] cb = new int[w * h];
        int[] cr = new int[w * h];
        boolean[] generic = new boolean[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int r = (rgb[i] >> 16) & 0xff;
            int g = (rgb[i] >> 8) & 0xff;
            int b = rgb[i] & 0xff;
            double y = 0.299 * r + 0.587 * g + 0.114 * b;
            cb[i] = (int) Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
            cr[i] = (int) Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
            // Skin is red-dominant: r above g above b rules out the greenish and bluish corners of the box.
            generic[i] = (body == null || body[i]) && y >= Y_MIN && r > g && g >= b - 10
                    && cb[i] >= CB_MIN && cb[i] <= CB_MAX && cr[i] >= CR_MIN && cr[i] <= CR_MAX;
        }
        // The silhouette: first and last row, its widest row's width and its centre column (mean of its pixels;
        // the extremes are no guide when a shadow reaches the photo's edge).
        int[] extent = {top, bottom, 0, w / 2};
        long sumX = 0;
        long n = 0;
        for (int y = Math.max(0, top); y <= bottom && y < h; y++) {
            int l = -1;
            int r = -1;
            for (int x = 0; x < w; x++) {
                if (body == null || body[y * w + x]) {
                    sumX += x;
                    n++;
                    if (l < 0) {
                        l = x;
                    }
                    r = x;
                }
            }
            extent[2] = Math.max(extent[2], l < 0 ? 0 : r - l + 1);
        }
        extent[3] = n == 0 ? w / 2 : (int) (sumX / n);
        int radius = Math.max(1, Math.min(w, h) / 150);
        boolean[] cleaned = TryOnCompositor.close(TryOnCompositor.open(generic, w, h, radius), w, h, radius);
        int[] labels = new int[w * h];
        List<Blob> blobs = label(cleaned, w, h, labels);
        Face face = findFace(labels, blobs, w, h, extent);
        if (face == null) {
            return new SkinMap(w, h, cleaned, labels, blobs, null);
        }

        // Tighten the box to the face's own colour: mean ± 2.5 standard deviations, at least ±6 and at most the
        // generic box, so skin-coloured clothes that only happen to fall in the generic box drop out.
        double[] s = new double[5];
        TryOnCompositor.Region fb = face.box();
        for (int y = fb.y(); y < fb.y() + fb.height(); y++) {
            for (int x = fb.x(); x < fb.x() + fb.width(); x++) {
                int i = y * w + x;
                if (labels[i] == face.blob().id() && generic[i]) {
                    s[0]++;
                    s[1] += cb[i];
                    s[2] += cb[i] * (double) cb[i];
                    s[3] += cr[i];
                    s[4] += cr[i] * (double) cr[i];
                }
            }
        }
        if (s[0] < 20) {
            return new SkinMap(w, h, cleaned, labels, blobs, face);
        }
        double mCb = s[1] / s[0];
        double mCr = s[3] / s[0];
        double tCb = Math.max(6, 2.5 * Math.sqrt(Math.max(0, s[2] / s[0] - mCb * mCb)));
        double tCr = Math.max(6, 2.5 * Math.sqrt(Math.max(0, s[4] / s[0] - mCr * mCr)));
        boolean[] tight = new boolean[w * h];
        for (int i = 0; i < tight.length; i++) {
            tight[i] = generic[i] && Math.abs(cb[i] - mCb) <= tCb && Math.abs(cr[i] - mCr) <= tCr;
        }
        boolean[] refined = TryOnCompositor.close(TryOnCompositor.open(tight, w, h, radius), w, h, radius);
        int[] refinedLabels = new int[w * h];
        List<Blob> refinedBlobs = label(refined, w, h, refinedLabels);
        Face refinedFace = findFace(refinedLabels, refinedBlobs, w, h, extent);
        // The face chose the threshold; if the tightened map loses it, the colour statistics were not the face's.
        return refinedFace == null
                ? new SkinMap(w, h, cleaned, labels, blobs, face)
                : new SkinMap(w, h, refined, refinedLabels, refinedBlobs, refinedFace);
    }

    /** 4-connected components; labels are 1-based, 0 is not skin. */
    private static List<Blob> label(boolean[] mask, int w, int h, int[] labels) {
        List<Blob> blobs = new ArrayList<>();
        int[] stack = new int[w * h];
        int next = 1;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            int id = next++;
            int sp = 0;
            stack[sp++] = start;
            labels[start] = id;
            int area = 0;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            while (sp > 0) {
                int i = stack[--sp];
                int x = i % w;
                int y = i / w;
                area++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                if (x > 0 && mask[i - 1] && labels[i - 1] == 0) {
                    labels[i - 1] = id;
                    stack[sp++] = i - 1;
                }
                if (x < w - 1 && mask[i + 1] && labels[i + 1] == 0) {
                    labels[i + 1] = id;
                    stack[sp++] = i + 1;
                }
                if (y > 0 && mask[i - w] && labels[i - w] == 0) {
                    labels[i - w] = id;
                    stack[sp++] = i - w;
                }
                if (y < h - 1 && mask[i + w] && labels[i + w] == 0) {
                    labels[i + w] = id;
                    stack[sp++] = i + w;
                }
            }
            blobs.add(new Blob(id, area, minX, minY, maxX, maxY));
        }
        return blobs;
    }

    private static int rowWidth(int[] labels, int w, Blob b, int y) {
        int l = -1;
        int r = -1;
        for (int x = b.minX(); x <= b.maxX(); x++) {
            if (labels[y * w + x] == b.id()) {
                if (l < 0) {
                    l = x;
                }
                r = x;
            }
        }
        return l < 0 ? 0 : r - l + 1;
    }

    /**
     * The face: the largest blob starting in the top third of the silhouette, near its centre column, whose top
     * part has a face's shape. The blob may run on into the neck and, with bare shoulders, the arms; the face ends
     * at the chin, where the jaw has narrowed to the neck's width, before the blob widens again into the shoulders.
     */
    private static Face findFace(int[] labels, List<Blob> blobs, int w, int h, int[] body) {
        int top = body[0];
        int span = Math.max(1, body[1] - body[0] + 1);
        int bodyWidth = Math.max(1, body[2]);
        int bodyCentre = body[3];
        long minArea = Math.max(30, (long) w * h / 1000);
        int minFaceW = Math.max(6, w / 40);
        Face best = null;
        for (Blob b : blobs) {
            if (b.area() < minArea || b.minY() > top + span / 3 || best != null && b.area() <= best.blob().area()) {
                continue;
            }
            int rows = b.maxY() - b.minY() + 1;
            int[] rw = new int[rows];
            for (int i = 0; i < rows; i++) {
                rw[i] = rowWidth(labels, w, b, b.minY() + i);
            }
            int maxW = 0;
            int widest = 0;
            int minW = Integer.MAX_VALUE;
            boolean jaw = false;
            int end = rows - 1;
            for (int i = 0; i < rows; i++) {
                int r = rw[i];
                // Past the face: wider than the face again after the jaw (neckline, shoulders), or taller than a
                // face. Not while the blob is still a sliver (a parting in the hair, a forehead under a fringe).
                if (maxW >= minFaceW && (jaw && r > maxW || i > 1.8 * maxW)) {
                    end = i - 1;
                    break;
                }
                if (!jaw && r > maxW) {
                    maxW = r;
                    widest = i;
                    minW = Integer.MAX_VALUE;
                } else if (r < minW) {
                    minW = r;
                    // The jaw: clearly narrower, and far enough down for a face (not a strand of hair on the brow).
                    jaw |= maxW >= minFaceW && r < 0.75 * maxW && i >= 0.6 * maxW;
                }
            }
            if (maxW < minFaceW) {
                continue;
            }
            // The chin: below the widest row, narrowed, where the width stops falling (the neck runs on about as
            // wide). The narrowest row is no guide: the neckline of the clothes cuts the blob's tail to a point.
            int chin = end;
            if (jaw) {
                int k = Math.max(3, maxW / 10);
                for (int i = widest + 1; i + k <= end; i++) {
                    if (rw[i] < 0.8 * maxW && Math.abs(rw[i] - rw[i + k]) <= 0.05 * maxW) {
                        chin = i;
                        break;
                    }
                }
            }
            int first = 0;
            while (first < chin && rw[first] < 0.4 * maxW) {
                first++;
            }
            int left = w;
            int right = -1;
            for (int y = b.minY() + first; y <= b.minY() + chin; y++) {
                for (int x = b.minX(); x <= b.maxX(); x++) {
                    if (labels[y * w + x] == b.id()) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
            int faceH = chin - first + 1;
            int faceW = right - left + 1;
            int centre = (left + right) / 2;
            // A face is about as tall as wide, narrower than the shoulders below it, and not out at the side (an arm).
            if (faceH < 0.6 * faceW || faceH > 2.2 * faceW || faceW > 0.6 * bodyWidth || faceW < 0.12 * bodyWidth
                    || Math.abs(centre - bodyCentre) > 0.15 * w) {
                continue;
            }
            best = new Face(new TryOnCompositor.Region(left, b.minY() + first, faceW, faceH), b.minY() + chin, b);
        }
        return best;
    }
}
