package dev.atrium.documents.internal;

import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Section;
import dev.atrium.sdk.document.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a reader finds in reading order: the full text, the sections (a heading and the text under it)
 * and tables, charging every character to the read's budget.
 */
public final class SectionBuilder {

    private final ReadBudget budget;
    private final StringBuilder text = new StringBuilder();
    private final List<Section> sections = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<ExtractedDocument.Cue> cues = new ArrayList<>();
    private String heading = "";
    private int level;
    private final StringBuilder body = new StringBuilder();
    private boolean started;

    /** Collects into a fresh document. */
    public SectionBuilder(ReadBudget budget) {
        this.budget = budget;
    }

    /** Starts a new section under a heading; the heading is part of the text too. */
    public void heading(int headingLevel, String title) {
        flush();
        heading = title.strip();
        level = headingLevel;
        started = true;
        appendText(heading);
    }

    /** Adds a block of body text to the current section and to the text. */
    public void block(String block) {
        if (block.isBlank()) {
            return;
        }
        if (!body.isEmpty()) {
            body.append('\n');
        }
        body.append(block);
        started = true;
        appendText(block);
    }

    /** Adds a whole section at once (a PDF page, a sheet); blocks of text are separated by a blank line. */
    public void section(String title, int headingLevel, String sectionText, String textForDocument) {
        flush();
        sections.add(new Section(title, headingLevel, sectionText));
        if (!textForDocument.isEmpty()) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            budget.chargeText(textForDocument.length());
            text.append(textForDocument);
        }
    }

    /** Adds a table found in the document. */
    public void table(Table table) {
        tables.add(table);
    }

    /** Adds a timed cue. */
    public void cue(ExtractedDocument.Cue cue) {
        cues.add(cue);
    }

    /** The document collected so far. */
    public ExtractedDocument build(int pages) {
        flush();
        return new ExtractedDocument(text.toString(), List.copyOf(sections), List.copyOf(tables), List.copyOf(cues),
                pages);
    }

    private void appendText(String block) {
        budget.chargeText(block.length() + 1);
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(block);
    }

    private void flush() {
        if (started) {
            sections.add(new Section(heading, level, body.toString()));
        }
        heading = "";
        level = 0;
        body.setLength(0);
        started = false;
    }
}
