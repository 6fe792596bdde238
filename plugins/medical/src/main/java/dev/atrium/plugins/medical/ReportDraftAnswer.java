package dev.atrium.plugins.medical;

import java.util.List;

/**
 * What a model is asked to return: for each section of the report, statements with the ids of the numbered
 * source sentences ({@code S3}) or lab rows ({@code L1}) each one comes from.
 *
 * @param sections the report's sections
 */
public record ReportDraftAnswer(List<Section> sections) {

    /**
     * A section.
     *
     * @param name the section name exactly as given in the instructions
     * @param statements its statements
     */
    public record Section(String name, List<Statement> statements) {
    }

    /**
     * A statement.
     *
     * @param text the statement, placeholders such as [NAME_1] kept as they are
     * @param sources ids of the sentences it is based on
     */
    public record Statement(String text, List<String> sources) {
    }
}
