package dev.atrium.sdk.document;

import java.util.List;

/**
 * What to write into a DOCX or PDF.
 *
 * @param title document title
 * @param blocks the body
 * @param header page header text, may be empty
 * @param footer page footer text, may be empty
 * @since 0.1
 */
public record DocumentContent(String title, List<Block> blocks, String header, String footer) {

    /** Normalises empty parts. */
    public DocumentContent {
        title = title == null ? "" : title;
        blocks = List.copyOf(blocks);
        header = header == null ? "" : header;
        footer = footer == null ? "" : footer;
    }
}
