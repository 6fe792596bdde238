package dev.atrium.plugins.office;

import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The minutes of one meeting, and their three renderings: the result map, DOCX content and Markdown. */
record Minutes(String title, LocalDate date, List<String> attendees, String summary, List<Topic> topics,
               List<Extraction.Decision> decisions, List<Extraction.ActionItem> actionItems,
               List<String> openQuestions, String engine) {

    record Topic(String title, String summary, String source) {
    }

    Map<String, Object> toResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("title", title);
        result.put("date", date.toString());
        result.put("attendees", List.copyOf(attendees));
        result.put("summary", summary);
        List<Map<String, Object>> topicMaps = new ArrayList<>();
        for (Topic topic : topics) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", topic.title());
            m.put("summary", topic.summary());
            m.put("source", topic.source());
            topicMaps.add(m);
        }
        result.put("topics", topicMaps);
        List<Map<String, Object>> decisionMaps = new ArrayList<>();
        for (Extraction.Decision decision : decisions) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", decision.text());
            m.put("quote", decision.quote());
            decisionMaps.add(m);
        }
        result.put("decisions", decisionMaps);
        List<Map<String, Object>> actionMaps = new ArrayList<>();
        for (Extraction.ActionItem item : actionItems) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", item.what());
            m.put("owner", item.owner());
            m.put("due", item.due() == null ? null : item.due().toString());
            m.put("quote", item.quote());
            actionMaps.add(m);
        }
        result.put("actionItems", actionMaps);
        result.put("openQuestions", List.copyOf(openQuestions));
        result.put("engine", engine);
        return result;
    }

    DocumentContent toDocument(MinutesLabels l) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(1, title));
        List<List<Object>> meta = new ArrayList<>();
        meta.add(List.of(l.date(), date.toString()));
        meta.add(List.of(l.attendees(), attendees.isEmpty() ? "—" : String.join(", ", attendees)));
        meta.add(List.of(l.preparedBy(), engine));
        blocks.add(new Block.TableBlock(new Table(l.meeting(), List.of(l.field(), l.value()), meta)));

        blocks.add(new Block.Heading(2, l.summary()));
        blocks.add(new Block.Paragraph(summary.isBlank() ? "—" : summary));

        blocks.add(new Block.Heading(2, l.topics()));
        if (topics.isEmpty()) {
            blocks.add(new Block.Paragraph(l.none()));
        }
        for (Topic topic : topics) {
            blocks.add(new Block.Heading(3, topic.title() + " (" + topic.source() + ")"));
            blocks.add(new Block.Paragraph(topic.summary()));
        }

        blocks.add(new Block.Heading(2, l.decisions()));
        blocks.add(decisions.isEmpty() ? new Block.Paragraph(l.none())
                : new Block.BulletList(decisions.stream().map(Extraction.Decision::text).toList()));

        blocks.add(new Block.Heading(2, l.actionItems()));
        if (actionItems.isEmpty()) {
            blocks.add(new Block.Paragraph(l.none()));
        } else {
            List<List<Object>> rows = new ArrayList<>();
            for (Extraction.ActionItem item : actionItems) {
                rows.add(List.of(item.what(), item.owner() == null ? "—" : item.owner(),
                        item.due() == null ? "—" : item.due().toString()));
            }
            blocks.add(new Block.TableBlock(new Table(l.actionItems(), List.of(l.what(), l.owner(), l.due()), rows)));
        }

        blocks.add(new Block.Heading(2, l.openQuestions()));
        blocks.add(openQuestions.isEmpty() ? new Block.Paragraph(l.none())
                : new Block.BulletList(openQuestions));
        return new DocumentContent(title, blocks, title + " — " + date, l.footer());
    }

    String toMarkdown(MinutesLabels l) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(oneLine(title)).append("\n\n");
        md.append("- **").append(l.date()).append(":** ").append(date).append('\n');
        md.append("- **").append(l.attendees()).append(":** ").append(attendees.isEmpty() ? "—" : String.join(", ", attendees)).append('\n');
        md.append("- **").append(l.preparedBy()).append(":** ").append(engine).append("\n\n");
        md.append("## ").append(l.summary()).append("\n\n").append(summary.isBlank() ? "—" : summary).append("\n\n");
        md.append("## ").append(l.topics()).append("\n\n");
        if (topics.isEmpty()) {
            md.append(l.none()).append('\n');
        }
        for (Topic topic : topics) {
            md.append("### ").append(oneLine(topic.title())).append(" (").append(topic.source()).append(")\n\n")
                    .append(topic.summary()).append("\n\n");
        }
        md.append("## ").append(l.decisions()).append("\n\n");
        if (decisions.isEmpty()) {
            md.append(l.none()).append('\n');
        }
        for (Extraction.Decision decision : decisions) {
            md.append("- ").append(oneLine(decision.text())).append("\n  > ").append(oneLine(decision.quote())).append('\n');
        }
        md.append("\n## ").append(l.actionItems()).append("\n\n");
        if (actionItems.isEmpty()) {
            md.append(l.none()).append('\n');
        } else {
            md.append("| ").append(l.what()).append(" | ").append(l.owner()).append(" | ").append(l.due())
                    .append(" |\n|---|---|---|\n");
            for (Extraction.ActionItem item : actionItems) {
                md.append("| ").append(cell(item.what())).append(" | ")
                        .append(item.owner() == null ? "—" : cell(item.owner())).append(" | ")
                        .append(item.due() == null ? "—" : item.due().toString()).append(" |\n");
            }
        }
        md.append("\n## ").append(l.openQuestions()).append("\n\n");
        if (openQuestions.isEmpty()) {
            md.append(l.none()).append('\n');
        }
        for (String question : openQuestions) {
            md.append("- ").append(oneLine(question)).append('\n');
        }
        return md.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }
}
