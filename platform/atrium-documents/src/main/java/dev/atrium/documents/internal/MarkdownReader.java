package dev.atrium.documents.internal;

import dev.atrium.sdk.document.ExtractedDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown: ATX ({@code ## Title}) and setext ({@code Title} over {@code ===}) headings start sections,
 * ignoring {@code #} lines inside fenced code; pipe tables become tables. Plain text is one section. The text
 * keeps the body as written; headings appear without their marks. YAML front matter is kept as body text.
 */
public final class MarkdownReader {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");

    /** Extracts sections and tables from Markdown. */
    public ExtractedDocument readMarkdown(String text, ReadBudget budget) {
        SectionBuilder out = new SectionBuilder(budget);
        String[] lines = text.split("\n", -1);
        String fence = null;
        StringBuilder block = new StringBuilder();
        int tables = 0;
        int first = frontMatterEnd(lines);
        for (int i = 0; i < first; i++) {
            block.append(lines[i]).append('\n');
        }
        for (int i = first; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence != null) {
                block.append(line).append('\n');
                if (fenceMatch.find() && fenceMatch.group(1).charAt(0) == fence.charAt(0)
                        && fenceMatch.group(1).length() >= fence.length()) {
                    fence = null;
                }
                continue;
            }
            if (fenceMatch.find()) {
                fence = fenceMatch.group(1);
                block.append(line).append('\n');
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches()) {
                flush(block, out);
                out.heading(atx.group(1).length(), atx.group(2) == null ? "" : atx.group(2));
                continue;
            }
            if (i + 1 < lines.length && !line.isBlank() && SETEXT.matcher(lines[i + 1]).matches()
                    && !startsList(line) && !isTableRule(lines[i + 1])) {
                flush(block, out);
                out.heading(lines[i + 1].strip().charAt(0) == '=' ? 1 : 2, line.strip());
                i++;
                continue;
            }
            if (line.contains("|") && i + 1 < lines.length && isTableRule(lines[i + 1])) {
                int end = i + 2;
                while (end < lines.length && lines[end].contains("|") && !lines[end].isBlank()) {
                    end++;
                }
                out.table(pipeTable("Table " + ++tables, Arrays.asList(lines).subList(i, end)));
                for (int t = i; t < end; t++) {
                    block.append(lines[t]).append('\n');
                }
                i = end - 1;
                continue;
            }
            block.append(line).append('\n');
        }
        flush(block, out);
        return out.build(0);
    }

    /** Reads plain text as one section. */
    public ExtractedDocument readPlain(String text, ReadBudget budget) {
        SectionBuilder out = new SectionBuilder(budget);
        String body = text.strip();
        out.section("", 0, body, body);
        return out.build(0);
    }

    /** The index after a leading {@code ---} front matter block, or 0 when there is none. */
    private static int frontMatterEnd(String[] lines) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static void flush(StringBuilder block, SectionBuilder out) {
        out.block(block.toString().strip());
        block.setLength(0);
    }

    /** A pipe table's delimiter row; it has a pipe, which tells it from a setext underline. */
    private static boolean isTableRule(String line) {
        return line.contains("|") && TABLE_RULE.matcher(line).matches();
    }

    private static boolean startsList(String line) {
        String s = line.strip();
        return s.startsWith("- ") || s.startsWith("* ") || s.startsWith("+ ");
    }

    private static dev.atrium.sdk.document.Table pipeTable(String name, List<String> lines) {
        List<String> headers = cells(lines.get(0));
        List<List<Object>> rows = new ArrayList<>();
        for (String line : lines.subList(2, lines.size())) {
            List<Object> row = new ArrayList<>();
            for (String cell : cells(line)) {
                row.add(CsvValues.valueOf(cell));
            }
            rows.add(row);
        }
        return Tables.rectangular(name, headers, rows);
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            s = s.substring(1);
        }
        if (s.endsWith("|") && !s.endsWith("\\|")) {
            s = s.substring(0, s.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : s.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.replace("\\|", "|").strip());
        }
        return cells;
    }
}
