package dev.atrium.sdk.model;

import dev.atrium.sdk.Media;
import java.util.Objects;

/**
 * An image generation or edit request.
 *
 * @param prompt what to draw or change
 * @param image image to edit, or {@code null} to generate
 * @param mask transparent where the image may change, or {@code null}
 * @param size such as {@code 1024x1024}, or {@code null} for the default
 * @param count how many images
 * @since 0.1
 */
public record ImageRequest(String prompt, Media image, Media mask, String size, int count) {

    /** Validates the request. */
    public ImageRequest {
        Objects.requireNonNull(prompt, "prompt");
        count = Math.max(1, count);
    }

    /** Whether this edits an image rather than generating one. */
    public boolean isEdit() {
        return image != null;
    }
}
