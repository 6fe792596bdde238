package dev.atrium.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A named piece of content with a media type: an uploaded file, an image for a model, an artifact.
 * Content lives either in memory or in a file, so large uploads are never held in memory by the host.
 *
 * @since 0.1
 */
public final class Media {

    private final String name;
    private final String mediaType;
    private final long size;
    private final byte[] bytes;
    private final Path file;

    private Media(String name, String mediaType, long size, byte[] bytes, Path file) {
        this.name = Objects.requireNonNull(name, "name");
        this.mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        this.size = size;
        this.bytes = bytes;
        this.file = file;
    }

    /** Media held in memory. */
    public static Media of(String name, String mediaType, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new Media(name, mediaType, bytes.length, bytes.clone(), null);
    }

    /** UTF-8 text as media. */
    public static Media ofText(String name, String mediaType, String text) {
        return of(name, mediaType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Media backed by a file that is read when opened. */
    public static Media ofFile(String name, String mediaType, Path file) {
        try {
            return new Media(name, mediaType, Files.size(file), null, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** File name, without any folder. */
    public String name() {
        return name;
    }

    /** Media type, such as {@code image/png}. */
    public String mediaType() {
        return mediaType;
    }

    /** Size in bytes. */
    public long size() {
        return size;
    }

    /** Opens the content; the caller closes the stream. */
    public InputStream open() {
        if (bytes != null) {
            return new ByteArrayInputStream(bytes);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The whole content in memory; prefer {@link #open()} for large files. */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes.clone();
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The content decoded as UTF-8 text. */
    public String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Media[" + name + ", " + mediaType + ", " + size + " bytes]";
    }
}
