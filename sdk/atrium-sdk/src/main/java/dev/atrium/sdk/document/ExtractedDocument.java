package dev.atrium.sdk.document;

import java.util.List;

/**
 * What was read from a document.
 *
 * @param text all text in reading order
 * @param sections headings and paragraphs (DOCX, Markdown), or one section per page (PDF)
 * @param tables tables found (DOCX tables, sheets, CSV)
 * @param cues timed cues of a subtitle file (VTT/SRT), empty otherwise
 * @param pages page count where the format has pages, otherwise 0
 * @since 0.1
 */
public record ExtractedDocument(String text, List<Section> sections, List<Table> tables, List<Cue> cues,
                                int pages) {

    /**
     * A heading with the text under it.
     *
     * @param heading heading text, empty for text before the first heading
     * @param level heading level, 0 when none
     * @param text the body
     */
    public record Section(String heading, int level, String text) {
    }

    /**
     * A timed subtitle cue.
     *
     * @param startSeconds start
     * @param endSeconds end
     * @param speaker speaker label, may be empty
     * @param text what was said
     */
    public record Cue(double startSeconds, double endSeconds, String speaker, String text) {
    }
}
