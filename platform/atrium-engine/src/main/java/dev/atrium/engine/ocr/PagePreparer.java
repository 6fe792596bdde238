package dev.atrium.engine.ocr;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Set;

/**
 * Decides what the page needs before OCR: a downscale when it is larger than Tesseract needs, and a small
 * rotation when its lines are tilted more than Tesseract tolerates (it reads about 4 degrees of skew
 * well, and nothing at 6). An upload that needs neither is passed through as it came.
 */
final class PagePreparer {

    /** Formats Tesseract's image library reads itself, single image per file. */
    private static final Set<String> PASS_THROUGH = Set.of("png", "jpeg", "jpg", "bmp");
    /** Below this, levelling costs a resampling and gains nothing measurable. */
    static final double MIN_CORRECTION = 1.5;
    /** The profile must be clearly sharper at the found angle, or the "skew" is noise (photos, tables). */
    private static final double MIN_GAIN = 1.15;

    private final int maxSide;
    private final boolean deskew;
    private final SkewEstimator estimator;

    PagePreparer(int maxSide, boolean deskew, double maxSkew) {
        this.maxSide = maxSide;
        this.deskew = deskew;
        this.estimator = new SkewEstimator(maxSkew);
    }

    PreparedPage prepare(DecodedImage decoded) {
        int w = decoded.width();
        int h = decoded.height();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        AffineTransform toProcessed = AffineTransform.getScaleInstance((double) tw / w, (double) th / h);

        double correction = 0;
        if (deskew) {
            // Analyse a small gray copy drawn straight from the decoded image: no full-size gray needed.
            double p = Math.min(1.0, (double) SkewEstimator.PREVIEW_SIDE / Math.max(tw, th));
            BufferedImage preview = GrayImages.gray(decoded.image(), Math.max(1, (int) Math.round(tw * p)),
                    Math.max(1, (int) Math.round(th * p)));
            SkewEstimator.Skew skew = estimator.estimate(preview);
            if (Math.abs(skew.correction()) >= MIN_CORRECTION && skew.gain() >= MIN_GAIN) {
                correction = skew.correction();
            }
        }

        boolean untouched = scale == 1.0 && correction == 0 && decoded.fullResolution()
                && PASS_THROUGH.contains(decoded.format()) && !decoded.image().getColorModel().hasAlpha();
        if (untouched) {
            return new PreparedPage(null, toProcessed, 0);
        }
        BufferedImage gray = GrayImages.gray(decoded.image(), tw, th);
        if (correction != 0) {
            AffineTransform turn = GrayImages.rotation(tw, th, correction);
            turn.concatenate(toProcessed);
            toProcessed = turn;
            gray = GrayImages.rotate(gray, correction);
        }
        return new PreparedPage(gray, toProcessed, correction);
    }

    /** The full-size gray page, for a second pass over a page that was passed through. */
    static BufferedImage fullGray(DecodedImage decoded) {
        return GrayImages.gray(decoded.image(), decoded.width(), decoded.height());
    }
}
