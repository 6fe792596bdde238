package dev.atrium.sdk.model;

import dev.atrium.sdk.Media;
import java.util.List;

/**
 * Generated or edited images.
 *
 * @param images the images
 * @param usage tokens used
 * @param engine who drew them
 * @since 0.1
 */
public record ImageResult(List<Media> images, Usage usage, Engine engine) {
}
