/**
 * Audio and frames out of recordings through the {@code ffmpeg} command line:
 * {@link dev.atrium.engine.media.FfmpegMedia}.
 *
 * <p>Values are never {@code null} unless a method says so.
 */
package dev.atrium.engine.media;
