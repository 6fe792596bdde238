/**
 * Recordings: the audio track of a video for transcription, and keyframes for a vision model.
 *
 * @since 0.1
 */
package dev.atrium.sdk.media;
