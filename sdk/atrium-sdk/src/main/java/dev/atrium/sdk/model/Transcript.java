package dev.atrium.sdk.model;

import java.util.List;

/**
 * Text recognised in speech.
 *
 * @param text the whole text
 * @param language detected or given language, may be empty
 * @param segments timed segments, empty if the provider gives none
 * @param engine who transcribed
 * @since 0.1
 */
public record Transcript(String text, String language, List<Segment> segments, Engine engine) {

    /**
     * A timed part of a transcript.
     *
     * @param startSeconds start
     * @param endSeconds end
     * @param text what was said
     * @param speaker speaker label, may be empty
     */
    public record Segment(double startSeconds, double endSeconds, String text, String speaker) {
    }
}
