package dev.atrium.sdk.document;

import java.util.List;

/**
 * A block of a written document.
 *
 * @since 0.1
 */
public sealed interface Block permits Block.Heading, Block.Paragraph, Block.BulletList, Block.TableBlock {

    /**
     * A heading.
     *
     * @param level 1 (largest) to 3
     * @param text the heading
     */
    record Heading(int level, String text) implements Block {
    }

    /**
     * A paragraph.
     *
     * @param text the paragraph
     */
    record Paragraph(String text) implements Block {
    }

    /**
     * A bullet list.
     *
     * @param items the items
     */
    record BulletList(List<String> items) implements Block {
    }

    /**
     * A table.
     *
     * @param table the table
     */
    record TableBlock(Table table) implements Block {
    }
}
