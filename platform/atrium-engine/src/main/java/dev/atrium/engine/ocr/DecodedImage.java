package dev.atrium.engine.ocr;

import java.awt.image.BufferedImage;

/**
 * An image as read from the upload.
 *
 * @param image the pixels, possibly subsampled while decoding
 * @param format the decoder's format name, lower case ({@code png}, {@code jpeg}, ...)
 * @param width width of the original image
 * @param height height of the original image
 */
record DecodedImage(BufferedImage image, String format, int width, int height) {
}
