package dev.atrium.engine.ocr;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Checks and decodes an uploaded image with ImageIO (PNG, JPEG, GIF, BMP, TIFF and, when a WebP plugin is on
 * the class path, WebP); of a multi-page TIFF only the first page. Dimensions are checked before pixels are
 * allocated, and a smaller size can be asked for: subsampling while decoding spares building the full-size
 * raster, which is all a skew analysis or a downscale needs.
 */
final class ImageDecoder {

    static {
        // Plugins (WebP) may sit in a class loader ImageIO did not scan when it first initialised,
        // as in a Spring Boot fat jar; scan once more from ours.
        ImageIO.scanForPlugins();
    }

    private final long maxBytes;
    private final long maxPixels;

    ImageDecoder(long maxBytes, long maxPixels) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
    }

    /** Decodes the first image, subsampled by a whole factor while its longer side stays at least {@code side}. */
    DecodedImage decode(Media media, int side) {
        return decode(media, side, false);
    }

    /** Decodes the first image, subsampled by a whole factor so its longer side is at most {@code side}. */
    DecodedImage preview(Media media, int side) {
        return decode(media, side, true);
    }

    private DecodedImage decode(Media media, int side, boolean atMost) {
        if (media.size() == 0) {
            throw new BadInputException("image", media.name() + " is empty");
        }
        if (media.size() > maxBytes) {
            throw new BadInputException("image", media.name() + " is " + media.size() + " bytes; images up to "
                    + maxBytes + " bytes are read");
        }
        // Cached in memory, not in a temporary file as ImageIO would by default: the size is capped above,
        // and a file cache costs disk writes per image.
        try (InputStream in = media.open(); ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new BadInputException("image", media.name() + " is not an image this engine can read"
                        + " (PNG, JPEG, TIFF, BMP, GIF or WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new BadInputException("image", media.name() + " has no pixels");
                }
                if ((long) width * height > maxPixels) {
                    throw new BadInputException("image", media.name() + " is " + width + "x" + height
                            + " pixels; images up to " + maxPixels + " pixels are read");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                // Integer subsampling while decoding: cheap, and the exact downscale happens later.
                int longer = Math.max(width, height);
                int step = Math.max(1, atMost ? (longer + side - 1) / side : longer / side);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return new DecodedImage(image, reader.getFormatName().toLowerCase(Locale.ROOT), width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException bad) {
                throw bad;
            }
            if (interrupted(e)) {
                // An interrupted read (a cancelled run) fails like a broken file; the upload is not to blame.
                throw new RunCancelledException();
            }
            throw new BadInputException("image", media.name() + " is corrupt or not a supported image: "
                    + e.getMessage(), e);
        }
    }

    private static boolean interrupted(Throwable error) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ClosedByInterruptException || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
