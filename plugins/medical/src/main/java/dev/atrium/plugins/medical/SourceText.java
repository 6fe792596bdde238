package dev.atrium.plugins.medical;

import dev.atrium.sdk.text.TextKit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the material of a draft into numbered sentences: a visit dialogue by speaker turns ({@code [doctor]},
 * {@code Doctor:}, {@code 医生：}), dictation and documents as running text. Each sentence keeps its offsets in
 * the original, so the draft can link every statement back to where it came from.
 */
final class SourceText {

    private static final Pattern TURN = Pattern.compile(
            "(?m)^[ \\t]*(?:\\[([A-Za-z_ ]{2,20})]|([A-Za-z][A-Za-z .]{0,20}|医生|患者|病人|家属|护士|大夫)[ \\t]*[:：])[ \\t]*");

    private static final Pattern HEADING = Pattern.compile("(?i)(?:clinical )?(?:technique|findings?|impression|conclusion|"
            + "comparison|indication|history|exam|examination|assessment|plan|results?|labs?|medications?|allergies|"
            + "chief complaint|cc|hpi|ros|diagnos[ie]s|procedure|course|disposition|recommendations?|note|summary|"
            + "subjective|objective|vitals?|impressions?|follow-?up|reason for (?:exam|admission|visit))");

    private final List<SourceSentence> sentences = new ArrayList<>();

    List<SourceSentence> sentences() {
        return sentences;
    }

    /** Adds the text's sentences under the origin; speaker turns are recognised when present. */
    void add(String origin, String text, TextKit kit) {
        Matcher m = TURN.matcher(text);
        List<int[]> turns = new ArrayList<>();
        List<String> speakers = new ArrayList<>();
        while (m.find()) {
            String label = m.group(1) != null ? m.group(1) : m.group(2);
            if (HEADING.matcher(label.strip()).matches()) {
                continue; // "Impression:" heads a part of a dictation; its word routes the sentences after it
            }
            turns.add(new int[] {m.start(), m.end()});
            speakers.add(role(label));
        }
        if (turns.size() < 2) {
            addRun(origin, "", text, 0, text.length(), kit);
            return;
        }
        if (turns.get(0)[0] > 0) {
            addRun(origin, "", text, 0, turns.get(0)[0], kit);
        }
        for (int i = 0; i < turns.size(); i++) {
            int end = i + 1 < turns.size() ? turns.get(i + 1)[0] : text.length();
            addRun(origin, speakers.get(i), text, turns.get(i)[1], end, kit);
        }
    }

    private void addRun(String origin, String speaker, String text, int from, int to, TextKit kit) {
        String run = text.substring(from, to);
        if (run.isBlank()) {
            return;
        }
        int cursor = 0;
        for (String sentence : kit.sentences(run)) {
            String s = sentence.strip();
            if (s.isEmpty()) {
                continue;
            }
            int at = run.indexOf(s, cursor);
            int start = at < 0 ? -1 : from + at;
            int end = at < 0 ? -1 : start + s.length();
            if (at >= 0) {
                cursor = at + s.length();
            }
            sentences.add(new SourceSentence("S" + (sentences.size() + 1), origin, speaker, s, start, end));
        }
    }

    static String role(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.matches("doctor|dr\\.?|physician|clinician|provider|attending|医生|大夫|doctor_\\w+")) {
            return "doctor";
        }
        if (l.matches("patient|pt\\.?|患者|病人|patient_\\w+")) {
            return "patient";
        }
        if (l.matches("nurse|护士|rn")) {
            return "nurse";
        }
        return "other";
    }
}
