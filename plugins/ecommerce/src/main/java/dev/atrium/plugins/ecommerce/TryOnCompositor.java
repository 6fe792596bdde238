package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.BadInputException;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The offline try-on preview: not a generative model, a compositing of the two photos. The garment is cut from
 * its background (flood fill from the borders over colours close to the border's median, then a morphological
 * opening and closing), the region the garment covers on the person is estimated from the person's silhouette
 * (same flood fill, then body proportions for the category) and, where a face shows, the {@link SkinMap} unless given, the garment is scaled into the region
 * and multiplied by the person's shading there, and a visible mark says what the image is.
 */
final class TryOnCompositor {

    /** Colour distance (RGB, Euclidean) under which a pixel counts as the photo's background. */
    static final int BACKGROUND_DISTANCE = 42;

    /**
     * A region of the person photo.
     *
     * @param x left
     * @param y top
     * @param width width
     * @param height height
     */
    record Region(int x, int y, int width, int height) {
        boolean contains(int px, int py) {
            return px >= x && py >= y && px < x + width && py < y + height;
        }

        int[] toArray() {
            return new int[] {x, y, width, height};
        }
    }

    /**
     * The preview.
     *
     * @param image the person photo with the garment composited and the mark drawn
     * @param mask white where the garment was placed
     * @param region the region used
     * @param regionMethod how the region was found: {@code given}, or an {@link Estimate#method()}
     * @param mark where the visible mark is
     */
    record Composite(BufferedImage image, BufferedImage mask, Region region, String regionMethod, Region mark) {
    }

    private TryOnCompositor() {
    }

    static Composite compose(BufferedImage person, BufferedImage garment, String category, Region given, String label) {
        boolean[] garmentMask = foreground(garment);
        int gw = garment.getWidth();
        int gh = garment.getHeight();
        int count = 0;
        int minX = gw;
        int minY = gh;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                if (garmentMask[y * gw + x]) {
                    count++;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (count < gw * gh / 50 || count > gw * gh * 98L / 100) {
            throw new BadInputException("garment", "the garment cannot be told from its background; photograph it "
                    + "flat on a plain background that differs from its colour");
        }
        Estimate estimate = given != null ? new Estimate(given, "given", null) : estimate(person, category);
        Region region = estimate.region();

        // The garment's cut-out and its mask, scaled into the region; the mask's scaled edge gives soft alpha.
        BufferedImage crop = garment.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1);
        BufferedImage maskCrop = new BufferedImage(crop.getWidth(), crop.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < crop.getHeight(); y++) {
            for (int x = 0; x < crop.getWidth(); x++) {
                maskCrop.getRaster().setSample(x, y, 0, garmentMask[(y + minY) * gw + x + minX] ? 255 : 0);
            }
        }
        BufferedImage warped = scale(crop, region.width(), region.height(), BufferedImage.TYPE_INT_RGB);
        BufferedImage alpha = scale(maskCrop, region.width(), region.height(), BufferedImage.TYPE_BYTE_GRAY);

        int w = person.getWidth();
        int h = person.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setData(person.getData());
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        double meanLuma = 0;
        int n = 0;
        for (int y = region.y(); y < region.y() + region.height(); y++) {
            for (int x = region.x(); x < region.x() + region.width(); x++) {
                meanLuma += luma(person.getRGB(x, y));
                n++;
            }
        }
        meanLuma = Math.max(1, meanLuma / Math.max(1, n));
        for (int y = 0; y < region.height(); y++) {
            for (int x = 0; x < region.width(); x++) {
                int a = alpha.getRaster().getSample(x, y, 0);
                if (a == 0) {
                    continue;
                }
                int px = region.x() + x;
                int py = region.y() + y;
                int p = person.getRGB(px, py);
                int g = warped.getRGB(x, y);
                // Folds and shadows of the person's own clothes carry over as brightness changes.
                double shade = Math.max(0.7, Math.min(1.3, 1 + 0.6 * (luma(p) / meanLuma - 1)));
                double t = a / 255.0;
                int r = blend((g >> 16) & 0xff, shade, (p >> 16) & 0xff, t);
                int gg = blend((g >> 8) & 0xff, shade, (p >> 8) & 0xff, t);
                int b = blend(g & 0xff, shade, p & 0xff, t);
                out.setRGB(px, py, (r << 16) | (gg << 8) | b);
                mask.getRaster().setSample(px, py, 0, 255);
            }
        }
        Region mark = drawMark(out, label);
        return new Composite(out, mask, region, estimate.method(), mark);
    }

    private static int blend(int garment, double shade, int person, double t) {
        double v = t * Math.min(255, garment * shade) + (1 - t) * person;
        return (int) Math.round(Math.max(0, Math.min(255, v)));
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }

    static BufferedImage scale(BufferedImage src, int w, int h, int type) {
        BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** The visible mark, bottom left: a dark band with the label, scaled to the image. */
    static Region drawMark(BufferedImage image, String label) {
        if (label.isEmpty()) {
            return new Region(0, image.getHeight(), 0, 0);
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        int size = Math.max(10, image.getWidth() / 40);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        FontMetrics fm = g.getFontMetrics();
        int pad = Math.max(3, size / 3);
        int width = Math.min(image.getWidth(), fm.stringWidth(label) + 2 * pad);
        int height = fm.getHeight() + pad;
        int y = image.getHeight() - height;
        g.setColor(new Color(0, 0, 0, 170));
        g.fillRect(0, y, width, height);
        g.setColor(Color.WHITE);
        g.drawString(label, pad, y + pad / 2 + fm.getAscent());
        g.dispose();
        return new Region(0, y, width, height);
    }

    /**
     * An estimated region and what it was estimated from.
     *
     * @param region where the garment goes
     * @param method {@code silhouette+skin} (the silhouette, checked and narrowed by the skin map),
     *     {@code silhouette} (no plausible skin found), or {@code frame} (no silhouette: the middle of the photo)
     * @param face the face the skin map found (hairline to chin), or null
     */
    record Estimate(Region region, String method, Region face) {
    }

    /** Where the garment goes, from the person's silhouette and the category's body proportions. */
    static Region estimateRegion(BufferedImage person, String category) {
        return estimate(person, category).region();
    }

    /**
     * Where the garment goes: the silhouette and the category's body proportions, and where the photo shows a face,
     * the skin map too (the face anchors the shoulders when the silhouette is unsure of them; bare arms and hands
     * beside the body are kept out of an upper or lower garment's region).
     */
    static Estimate estimate(BufferedImage person, String category) {
        int w = person.getWidth();
        int h = person.getHeight();
        boolean[] body = foreground(person);
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < h && top < 0; y++) {
            for (int x = 0; x < w; x++) {
                if (body[y * w + x]) {
                    top = y;
                    break;
                }
            }
        }
        for (int y = h - 1; y >= 0 && bottom < 0; y--) {
            for (int x = 0; x < w; x++) {
                if (body[y * w + x]) {
                    bottom = y;
                    break;
                }
            }
        }
        long area = 0;
        for (boolean b : body) {
            area += b ? 1 : 0;
        }
        boolean silhouette = top >= 0 && area >= (long) w * h / 20 && area <= (long) w * h * 95 / 100;
        // Skin is looked for only on the silhouette: skin-coloured backgrounds (wood, sand) would otherwise pass.
        SkinMap skin = silhouette ? SkinMap.of(person, body, top, bottom) : null;
        SkinMap.Face face = skin != null && skin.plausible() ? skin.face : null;
        int y0;
        int y1;
        int shoulders = -1;
        int unit = 1;
        if (silhouette) {
            // Shoulders: the first row below the head where the silhouette is much wider than the head. Body
            // proportions follow from the head-to-shoulder height, so photos cropped at the knees work too.
            int[] widths = new int[h];
            for (int y = top; y <= bottom; y++) {
                int l = -1;
                int r = -1;
                for (int x = 0; x < w; x++) {
                    if (body[y * w + x]) {
                        if (l < 0) {
                            l = x;
                        }
                        r = x;
                    }
                }
                widths[y] = l < 0 ? 0 : r - l + 1;
            }
            int headRows = Math.max(3, (bottom - top) / 14);
            int[] head = Arrays.copyOfRange(widths, top, Math.min(h, top + headRows));
            Arrays.sort(head);
            int headWidth = Math.max(1, head[head.length / 2]);
            for (int y = top + headRows; y <= bottom; y++) {
                if (widths[y] > 1.7 * headWidth) {
                    shoulders = y;
                    break;
                }
            }
            if (face != null && (shoulders < 0 || shoulders <= face.chin())) {
                // The silhouette is unsure (long hair or a hat make its head as wide as the shoulders, or arms
                // held close make the shoulders no wider than the hair): chin, a short neck, then the shoulder line
                // about 0.3 of the face's height below the chin.
                shoulders = Math.min(bottom, face.chin() + (int) Math.round(0.3 * face.height()));
            }
            if (shoulders < 0) {
                shoulders = top + (bottom - top) / 6;
            }
            unit = Math.max(1, shoulders - top);
            double[] span = switch (category) {
                case "lower" -> new double[] {1.7, 4.2};
                case "dress" -> new double[] {0.0, 3.6};
                default -> new double[] {0.0, 1.9};
            };
            y0 = Math.min(h - 2, shoulders + (int) (span[0] * unit));
            y1 = Math.min(bottom + 1, shoulders + (int) (span[1] * unit));
        } else {
            // No clear silhouette (busy background): the middle of the frame, by category.
            double[] band = switch (category) {
                case "lower" -> new double[] {0.48, 0.92};
                case "dress" -> new double[] {0.18, 0.82};
                default -> new double[] {0.18, 0.55};
            };
            y0 = (int) (band[0] * h);
            y1 = (int) (band[1] * h);
        }
        y1 = Math.max(y1, y0 + 2);
        int[] lefts = new int[y1 - y0];
        int[] rights = new int[y1 - y0];
        int rows = 0;
        for (int y = y0; y < y1; y++) {
            int l = -1;
            int r = -1;
            for (int x = 0; x < w; x++) {
                if (body[y * w + x]) {
                    if (l < 0) {
                        l = x;
                    }
                    r = x;
                }
            }
            if (l >= 0) {
                lefts[rows] = l;
                rights[rows] = r;
                rows++;
            }
        }
        int x0;
        int x1;
        if (rows < 3 || !silhouette) {
            x0 = w / 4;
            x1 = w * 3 / 4;
        } else {
            int[] ls = Arrays.copyOf(lefts, rows);
            int[] rs = Arrays.copyOf(rights, rows);
            Arrays.sort(ls);
            Arrays.sort(rs);
            // The torso, not the arms: the middle of the silhouette's edges, not their extremes.
            x0 = ls[rows / 2];
            x1 = rs[rows / 2];
        }
        String method = !silhouette ? "frame" : face == null ? "silhouette" : "silhouette+skin";
        if (face != null && rows >= 3 && ("upper".equals(category) || "lower".equals(category))) {
            int[] narrowed = besideArms(skin, face, x0, x1, y0, y1, shoulders + (int) (2.3 * unit));
            x0 = narrowed[0];
            x1 = narrowed[1];
        }
        Region region = new Region(x0, y0, Math.max(1, x1 - x0 + 1), Math.max(1, y1 - y0));
        return new Estimate(region, method, face == null ? null : face.box());
    }

    /**
     * The torso between bare arms (or hands) hanging beside it: per row, the inner edge of the skin on each side of
     * the body's centre line, away from the neck; the median inner edge over the rows where an arm shows bounds
     * the region. Skin from blobs that start below {@code legsFrom} is legs (shorts, a skirt), not arms.
     */
    private static int[] besideArms(SkinMap skin, SkinMap.Face face, int x0, int x1, int y0, int y1, int legsFrom) {
        int w = skin.width;
        int cx = face.centreX();
        // Half a neck's width either side of the centre line: skin there is the neck or a neckline, never an arm.
        int band = (int) Math.ceil(0.35 * face.width());
        boolean[] leg = new boolean[skin.blobs.size() + 1];
        for (SkinMap.Blob b : skin.blobs) {
            leg[b.id()] = b.id() != face.blob().id() && b.minY() >= legsFrom;
        }
        int rows = y1 - y0;
        int[] lefts = new int[rows];
        int[] rights = new int[rows];
        int nl = 0;
        int nr = 0;
        for (int y = y0; y < y1; y++) {
            int left = -1;
            for (int x = Math.min(x1, cx - band - 1); x >= x0; x--) {
                int id = skin.labels[y * w + x];
                if (id != 0 && !leg[id]) {
                    left = x;
                    break;
                }
            }
            int right = -1;
            for (int x = Math.max(x0, cx + band + 1); x <= x1; x++) {
                int id = skin.labels[y * w + x];
                if (id != 0 && !leg[id]) {
                    right = x;
                    break;
                }
            }
            // Skin that runs right up to the centre band is bare shoulders or arms across the body, not an arm beside it.
            if (left >= 0 && left < cx - band - 2) {
                lefts[nl++] = left;
            }
            if (right >= 0 && right > cx + band + 2) {
                rights[nr++] = right;
            }
        }
        int nx0 = x0;
        int nx1 = x1;
        if (nl >= rows / 5) {
            int[] l = Arrays.copyOf(lefts, nl);
            Arrays.sort(l);
            nx0 = Math.max(x0, l[nl / 2] + 1);
        }
        if (nr >= rows / 5) {
            int[] r = Arrays.copyOf(rights, nr);
            Arrays.sort(r);
            nx1 = Math.min(x1, r[nr / 2] - 1);
        }
        // Even a slim waist is wider than the face; anything narrower means the skin was not arms beside it.
        if (nx1 - nx0 + 1 < 1.1 * face.width()) {
            return new int[] {x0, x1};
        }
        return new int[] {nx0, nx1};
    }

    /** True where the pixel is not background: flood fill from the borders, then opening and closing. */
    static boolean[] foreground(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] border = new int[2 * (w + h)];
        int k = 0;
        for (int x = 0; x < w; x++) {
            border[k++] = rgb[x];
            border[k++] = rgb[(h - 1) * w + x];
        }
        for (int y = 0; y < h; y++) {
            border[k++] = rgb[y * w];
            border[k++] = rgb[y * w + w - 1];
        }
        int bg = median(border, k);
        boolean[] background = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int x = 0; x < w; x++) {
            seed(rgb, background, queue, x, bg);
            seed(rgb, background, queue, (h - 1) * w + x, bg);
        }
        for (int y = 0; y < h; y++) {
            seed(rgb, background, queue, y * w, bg);
            seed(rgb, background, queue, y * w + w - 1, bg);
        }
        while (!queue.isEmpty()) {
            int i = queue.poll();
            int x = i % w;
            int y = i / w;
            if (x > 0) {
                seed(rgb, background, queue, i - 1, bg);
            }
            if (x < w - 1) {
                seed(rgb, background, queue, i + 1, bg);
            }
            if (y > 0) {
                seed(rgb, background, queue, i - w, bg);
            }
            if (y < h - 1) {
                seed(rgb, background, queue, i + w, bg);
            }
        }
        boolean[] fg = new boolean[w * h];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = !background[i];
        }
        int r = Math.max(1, Math.min(w, h) / 200);
        // Opening drops specks of noise; closing fills pin-holes inside the garment.
        return close(open(fg, w, h, r), w, h, r);
    }

    static boolean[] open(boolean[] m, int w, int h, int r) {
        return dilate(erode(m, w, h, r), w, h, r);
    }

    static boolean[] close(boolean[] m, int w, int h, int r) {
        return erode(dilate(m, w, h, r), w, h, r);
    }

    private static void seed(int[] rgb, boolean[] background, ArrayDeque<Integer> queue, int i, int bg) {
        if (!background[i] && distance(rgb[i], bg) < BACKGROUND_DISTANCE) {
            background[i] = true;
            queue.add(i);
        }
    }

    private static int distance(int a, int b) {
        int dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
        int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        int db = (a & 0xff) - (b & 0xff);
        return (int) Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int median(int[] colours, int n) {
        int[] r = new int[n];
        int[] g = new int[n];
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = (colours[i] >> 16) & 0xff;
            g[i] = (colours[i] >> 8) & 0xff;
            b[i] = colours[i] & 0xff;
        }
        Arrays.sort(r);
        Arrays.sort(g);
        Arrays.sort(b);
        return (r[n / 2] << 16) | (g[n / 2] << 8) | b[n / 2];
    }

    /** Square erosion of radius r, separably (rows then columns). */
    private static boolean[] erode(boolean[] m, int w, int h, int r) {
        return morph(m, w, h, r, true);
    }

    private static boolean[] dilate(boolean[] m, int w, int h, int r) {
        return morph(m, w, h, r, false);
    }

    private static boolean[] morph(boolean[] m, int w, int h, int r, boolean erode) {
        boolean[] tmp = new boolean[m.length];
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean v = erode;
                for (int d = -r; d <= r; d++) {
                    int xx = Math.max(0, Math.min(w - 1, x + d));
                    boolean s = m[y * w + xx];
                    if (erode ? !s : s) {
                        v = !erode;
                        break;
                    }
                }
                tmp[y * w + x] = v;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean v = erode;
                for (int d = -r; d <= r; d++) {
                    int yy = Math.max(0, Math.min(h - 1, y + d));
                    boolean s = tmp[yy * w + x];
                    if (erode ? !s : s) {
                        v = !erode;
                        break;
                    }
                }
                out[y * w + x] = v;
            }
        }
        return out;
    }
}
