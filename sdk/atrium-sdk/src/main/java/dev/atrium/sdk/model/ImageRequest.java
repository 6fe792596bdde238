package dev.atrium.sdk.model;

import dev.atrium.sdk.Media;
import java.util.List;
import java.util.Objects;

/**
 * An image generation or edit request.
 *
 * @param prompt what to draw or change
 * @param image image to edit, or {@code null} to generate
 * @param mask transparent where the image may change, or {@code null}
 * @param size such as {@code 1024x1024}, or {@code null} for the default
 * @param count how many images
 * @param references further images the edit draws on, after {@code image} (a garment for a try-on, a product
 *                   for a scene); sent together with it to models that take several input images
 * @since 0.1
 */
public record ImageRequest(String prompt, Media image, Media mask, String size, int count, List<Media> references) {

    /** Validates the request. */
    public ImageRequest {
        Objects.requireNonNull(prompt, "prompt");
        count = Math.max(1, count);
        references = references == null ? List.of() : List.copyOf(references);
        if (image == null && !references.isEmpty()) {
            throw new IllegalArgumentException("reference images need an image to edit");
        }
    }

    /**
     * A request without reference images.
     *
     * @since 0.1
     */
    public ImageRequest(String prompt, Media image, Media mask, String size, int count) {
        this(prompt, image, mask, size, count, List.of());
    }

    /** Whether this edits an image rather than generating one. */
    public boolean isEdit() {
        return image != null;
    }
}
