package dev.atrium.engine.ocr;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks and decodes an uploaded image with ImageIO (PNG, JPEG, GIF, BMP, TIFF and, when a WebP plugin is on
 * the class path, WebP); of a multi-page TIFF only the first page. Dimensions are checked before pixels are allocated, and images larger than the
 * working size are subsampled while decoding so a huge photo never needs its full-size raster.
 */
final class ImageDecoder {

    private final long maxBytes;
    private final long maxPixels;
    private final int maxSide;

    ImageDecoder(long maxBytes, long maxPixels, int maxSide) {
        this.maxBytes = maxBytes;
        this.maxPixels = maxPixels;
        this.maxSide = maxSide;
    }

    DecodedImage decode(Media media) {
        if (media.size() == 0) {
            throw new BadInputException("image", media.name() + " is empty");
        }
        if (media.size() > maxBytes) {
            throw new BadInputException("image", media.name() + " is " + media.size() + " bytes; images up to "
                    + maxBytes + " bytes are read");
        }
        try (InputStream in = media.open(); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
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
                int step = Math.max(1, Math.max(width, height) / maxSide);
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
            throw new BadInputException("image", media.name() + " is corrupt or not a supported image: "
                    + e.getMessage(), e);
        }
    }
}
