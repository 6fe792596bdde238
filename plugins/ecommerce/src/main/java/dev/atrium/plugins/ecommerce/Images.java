package dev.atrium.plugins.ecommerce;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Reading photos safely (size checked before decoding) and writing PNGs with text metadata. */
final class Images {

    /** Photos larger than this are refused before they are decoded: 25 megapixels. */
    static final long MAX_PIXELS = 25_000_000L;

    private Images() {
    }

    /** Decodes a JPG, PNG or WebP photo as RGB; a bad or oversized file is a bad-input error naming the input. */
    static BufferedImage read(Media media, String input) {
        // Cached in memory rather than in a temporary file, which a cancelled run's interrupt would close mid-read.
        try (InputStream in = media.open(); ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new BadInputException(input, "'" + media.name() + "' is not a readable JPG, PNG or WebP image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new BadInputException(input, String.format("'%s' is %dx%d (%.1f megapixels); at most %d megapixels "
                            + "are accepted, so scale it down first", media.name(), reader.getWidth(0), reader.getHeight(0),
                            pixels / 1e6, MAX_PIXELS / 1_000_000));
                }
                BufferedImage decoded = reader.read(0);
                BufferedImage rgb = new BufferedImage(decoded.getWidth(), decoded.getHeight(), BufferedImage.TYPE_INT_RGB);
                var g = rgb.createGraphics();
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(decoded, 0, 0, null);
                g.dispose();
                return rgb;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SkillException skill) {
                throw skill;
            }
            if (Thread.currentThread().isInterrupted()) {
                // A cancelled run's interrupt closes a file-backed upload mid-read: not the photo's fault.
                throw new RunCancelledException();
            }
            throw new BadInputException(input, "'" + media.name() + "' could not be decoded as an image: " + e.getMessage(), e);
        }
    }

    /** A PNG with {@code tEXt} entries (keyword → text), such as who made it. */
    static Media png(String name, BufferedImage image, Map<String, String> text) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
            IIOMetadataNode entries = new IIOMetadataNode("tEXt");
            text.forEach((k, v) -> {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", k);
                entry.setAttribute("value", v);
                entries.appendChild(entry);
            });
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(entries);
            metadata.mergeTree("javax_imageio_png_1.0", root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, metadata), param);
            } finally {
                writer.dispose();
            }
            return Media.of(name, "image/png", bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
