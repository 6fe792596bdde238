package dev.atrium.plugins.medical;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report draft: sections of statements, each linked to the source sentences it comes from.
 *
 * @param template the report type
 * @param chinese whether it is written in Chinese
 * @param sections the sections in template order (empty ones included)
 * @param engine what drafted it
 */
record Draft(ReportTemplate template, boolean chinese, List<Section> sections, String engine) {

    /**
     * A statement and the ids of the sentences it was made from.
     *
     * @param text the statement
     * @param sources ids such as {@code S12} or {@code L2}
     */
    record Statement(String text, List<String> sources) {
    }

    /**
     * A section.
     *
     * @param name the template's (English) section name
     * @param statements its statements in order
     */
    record Section(String name, List<Statement> statements) {

        String text(boolean chinese) {
            return statements.stream().map(Statement::text).collect(Collectors.joining(chinese ? "" : " "));
        }

        List<String> sources() {
            return statements.stream().flatMap(s -> s.sources().stream()).distinct().toList();
        }
    }

    static Draft empty(ReportTemplate template, boolean chinese, String engine) {
        List<Section> sections = new ArrayList<>();
        for (String name : template.sections) {
            sections.add(new Section(name, new ArrayList<>()));
        }
        return new Draft(template, chinese, sections, engine);
    }

    Section section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** The whole draft as plain text, headed sections in order. */
    String text() {
        StringBuilder b = new StringBuilder();
        for (Section s : sections) {
            if (!s.statements().isEmpty()) {
                b.append(template.sectionTitle(s.name(), chinese)).append("\n\n").append(s.text(chinese)).append("\n\n");
            }
        }
        return b.toString().strip();
    }
}
