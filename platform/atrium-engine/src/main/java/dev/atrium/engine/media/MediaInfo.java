package dev.atrium.engine.media;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@code ffprobe} says about a recording.
 *
 * @param container the container as ffprobe names it, such as {@code mov,mp4,m4a,3gp,3g2,mj2} or
 *     {@code matroska,webm}
 * @param duration how long it plays, if the container says
 * @param hasVideo whether it has a video stream
 * @param hasAudio whether it has an audio stream
 * @since 0.1
 */
public record MediaInfo(String container, Optional<Duration> duration, boolean hasVideo, boolean hasAudio) {
}
