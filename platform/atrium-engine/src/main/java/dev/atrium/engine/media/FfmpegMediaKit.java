package dev.atrium.engine.media;

import dev.atrium.sdk.Media;
import dev.atrium.sdk.media.MediaKit;
import java.util.List;

/**
 * The SDK's {@link MediaKit} on ffmpeg: audio tracks as 16 kHz mono WAV, keyframes as JPEG.
 *
 * @since 0.1
 */
public final class FfmpegMediaKit implements MediaKit {

    private final FfmpegMedia ffmpeg;

    /** Uses the given ffmpeg wrapper. */
    public FfmpegMediaKit(FfmpegMedia ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    @Override
    public boolean isAvailable() {
        return ffmpeg.isAvailable();
    }

    @Override
    public Media audioTrack(Media recording) {
        return ffmpeg.extractAudio(recording);
    }

    @Override
    public List<Frame> keyframes(Media recording, int count) {
        return ffmpeg.keyframes(recording, count, FfmpegMedia.FrameFormat.JPEG).stream()
                .map(frame -> new Frame(frame.at(), frame.image()))
                .toList();
    }
}
