package dev.atrium.engine.ocr;

import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The page as Tesseract will see it: either the uploaded bytes untouched (nothing needed changing, so the
 * result is exactly the CLI's) or a gray, downscaled and/or levelled copy.
 *
 * @param gray the prepared pixels, or {@code null} when the upload is passed through
 * @param toProcessed maps original pixels to the pixels Tesseract sees
 * @param skewCorrection degrees the page was turned by to level it
 */
record PreparedPage(BufferedImage gray, AffineTransform toProcessed, double skewCorrection) {

    boolean passThrough() {
        return gray == null;
    }

    /** Writes the page into the folder and returns the file to give Tesseract. */
    Path write(Path dir, String name, byte[] original, String format) throws java.io.IOException {
        if (passThrough()) {
            Path file = dir.resolve(name + "." + format);
            Files.write(file, original);
            return file;
        }
        Path file = dir.resolve(name + ".pgm");
        GrayImages.writePgm(gray, file);
        return file;
    }

    /** The same page turned by half a turn, for upside-down photos. */
    PreparedPage halfTurned(BufferedImage fullGray) {
        BufferedImage source = gray != null ? gray : fullGray;
        AffineTransform turn = AffineTransform.getRotateInstance(Math.PI, source.getWidth() / 2.0,
                source.getHeight() / 2.0);
        turn.concatenate(toProcessed);
        return new PreparedPage(GrayImages.rotate180(source), turn, skewCorrection);
    }
}
