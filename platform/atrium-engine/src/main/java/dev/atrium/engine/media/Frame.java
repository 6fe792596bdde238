package dev.atrium.engine.media;

import dev.atrium.sdk.Media;
import java.time.Duration;

/**
 * A still taken from a recording.
 *
 * @param at where in the recording it was taken
 * @param image the picture, JPEG or PNG
 * @since 0.1
 */
public record Frame(Duration at, Media image) {
}
