package dev.atrium.engine.ocr;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.Set;

/**
 * Decides what a page needs before OCR, from a small preview: a downscale when it is larger than
 * Tesseract needs, and a small rotation when its lines are tilted more than Tesseract tolerates (it reads
 * about 4 degrees of skew well, loses lines at 5 and reads nothing at 7). An upload that needs neither is
 * passed through as it came, so the common case costs one small decode and the result equals the CLI's.
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

    /**
     * What to do with a page.
     *
     * @param width size Tesseract should see before any rotation
     * @param height see width
     * @param correction degrees to turn the page by, 0 for none
     * @param passThrough whether the upload can be given to Tesseract as it is
     */
    record Plan(int width, int height, double correction, boolean passThrough) {
    }

    /** Plans from a preview decoded at about {@link SkewEstimator#PREVIEW_SIDE} pixels. */
    Plan plan(DecodedImage preview) {
        int w = preview.width();
        int h = preview.height();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        double correction = 0;
        if (deskew) {
            BufferedImage small = preview.image();
            double p = Math.min(1.0, (double) SkewEstimator.PREVIEW_SIDE / Math.max(small.getWidth(), small.getHeight()));
            BufferedImage gray = GrayImages.gray(small, Math.max(1, (int) Math.round(small.getWidth() * p)),
                    Math.max(1, (int) Math.round(small.getHeight() * p)));
            SkewEstimator.Skew skew = estimator.estimate(gray);
            if (Math.abs(skew.correction()) >= MIN_CORRECTION && skew.gain() >= MIN_GAIN) {
                correction = skew.correction();
            }
        }
        boolean untouched = scale == 1.0 && correction == 0 && PASS_THROUGH.contains(preview.format())
                && !preview.image().getColorModel().hasAlpha();
        return new Plan(tw, th, correction, untouched);
    }

    /** The page to give Tesseract, from an image decoded at least at the plan's size. */
    PreparedPage render(DecodedImage decoded, Plan plan) {
        AffineTransform toProcessed = AffineTransform.getScaleInstance((double) plan.width() / decoded.width(),
                (double) plan.height() / decoded.height());
        if (plan.passThrough()) {
            return new PreparedPage(null, toProcessed, 0);
        }
        BufferedImage gray = GrayImages.gray(decoded.image(), plan.width(), plan.height());
        if (plan.correction() != 0) {
            AffineTransform turn = GrayImages.rotation(plan.width(), plan.height(), plan.correction());
            turn.concatenate(toProcessed);
            toProcessed = turn;
            gray = GrayImages.rotate(gray, plan.correction());
        }
        return new PreparedPage(gray, toProcessed, plan.correction());
    }

    /** The full-size gray page, for a second pass over a page that was passed through. */
    static BufferedImage fullGray(DecodedImage decoded) {
        return GrayImages.gray(decoded.image(), decoded.width(), decoded.height());
    }

    /** The longer side to decode at for {@link #render}. */
    static int decodeSide(Plan plan) {
        return Math.max(plan.width(), plan.height());
    }
}
