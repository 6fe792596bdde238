package dev.atrium.sdk.media;

import dev.atrium.sdk.Media;
import java.time.Duration;
import java.util.List;

/**
 * Works on audio and video recordings offline (ffmpeg in the embedded engine). Corrupt or oversized
 * recordings throw {@link dev.atrium.sdk.BadInputException}; a video without sound throws
 * {@link dev.atrium.sdk.UnsupportedMediaException}. Calls block; skills run on worker threads.
 *
 * @since 0.1
 */
public interface MediaKit {

    /** Whether recordings can be processed on this installation. */
    boolean isAvailable();

    /** The recording's sound as 16 kHz mono WAV, ready for transcription. */
    Media audioTrack(Media recording);

    /** Up to {@code count} frames spread over a video, as JPEG images with their time. */
    List<Frame> keyframes(Media recording, int count);

    /**
     * A frame of a video.
     *
     * @param at its time from the start
     * @param image the frame as an image
     */
    record Frame(Duration at, Media image) {
    }
}
