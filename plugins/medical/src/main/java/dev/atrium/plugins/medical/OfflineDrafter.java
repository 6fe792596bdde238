package dev.atrium.plugins.medical;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded engine's draft: every source sentence is routed to a section of the template by its topic cues,
 * put in note style ({@link Phrasing}), and kept only if it still states its findings as the source does.
 * Yes/no answers are composed with the question they answer. Extractive: nothing is said that no sentence
 * of the source says.
 */
final class OfflineDrafter {

    static final String ENGINE = "embedded/extractive";

    private static final Pattern PRESENTS = Pattern.compile(
            "(?i)\\b(?:presents?|presenting|here|is here|came in|comes in|coming in|seen)(?: today)?(?: in clinic)? "
                    + "(?:for|with) (?:an? )?(.{3,80}?)(?:[.,;]|\\bwho\\b|$)");
    private static final Pattern ZH_CC = Pattern.compile("(?:因|主诉[:：]?)(.{2,30}?)(?:[，。；]|来诊|就诊|入院|$)");

    private OfflineDrafter() {
    }

    static Draft draft(ReportTemplate template, List<SourceSentence> sentences, boolean chinese, String sex) {
        Draft draft = Draft.empty(template, chinese, ENGINE);
        Set<String> seen = new HashSet<>();
        boolean dialogue = sentences.stream().anyMatch(s -> s.fromPatient());
        for (int i = 0; i < sentences.size(); i++) {
            SourceSentence s = sentences.get(i);
            if (s.origin().equals("labs")) {
                continue;
            }
            if (s.question()) {
                // A clinician's yes/no question answered right after by the patient becomes one statement.
                if (i + 1 < sentences.size() && sentences.get(i + 1).fromPatient() && !s.fromPatient()) {
                    SourceSentence answer = sentences.get(i + 1);
                    int yes = Phrasing.answer(answer.text());
                    Topic topic = Topic.of(s.text());
                    String asked = Phrasing.questionTopic(s.text(), chinese);
                    if (yes != 0 && topic != null && asksFinding(topic) && wordCount(asked, chinese) >= 1
                            && wordCount(asked, chinese) <= 8) {
                        String statement = Phrasing.answered(asked, yes, chinese);
                        String section = template == ReportTemplate.VISIT_NOTE && topic == Topic.ROS
                                ? "REVIEW OF SYSTEMS" : template.section(topic, s.text());
                        add(draft, section, statement, List.of(s.id(), answer.id()), seen);
                        i++;
                    }
                }
                continue;
            }
            if (!chinese && Phrasing.PLEASANTRY.matcher(s.text()).matches() && OfflineDrafter.wordCount(s.text(), false) < 12) {
                continue;
            }
            Topic topic = Topic.of(s.text());
            if (topic == null) {
                if (dialogue && !s.speaker().isEmpty() && !s.speaker().equals("other")) {
                    continue; // chit-chat
                }
                topic = Topic.GENHX;
            }
            if (dialogue && wordCount(s.text(), chinese) < (chinese ? 4 : 5)) {
                continue;
            }
            if (s.fromPatient() && (topic == Topic.EXAM || topic == Topic.ASSESSMENT || topic == Topic.PLAN)) {
                topic = Topic.GENHX; // what a patient thinks or plans is history, not the clinician's assessment
            }
            String section = template.section(topic, s.text());
            if (section == null) {
                continue;
            }
            String statement = Phrasing.normalise(s.text(), s.speaker(), sex, chinese);
            if (statement.isBlank()) {
                continue;
            }
            // Normalisation must not change what is asserted; if it does, the source's own words are used.
            if (!Negation.violations(statement, s.text()).isEmpty()) {
                statement = s.text().strip();
            }
            add(draft, section, statement, List.of(s.id()), seen);
            if (topic == Topic.CC || draft.sections().get(0).statements().isEmpty()) {
                chiefComplaint(draft, s, chinese);
            }
        }
        if (dialogue && draft.sections().get(0).statements().isEmpty()) {
            complaintFromPatient(draft, sentences, chinese);
        }
        return draft;
    }

    private static final Pattern COMPLAINT = Pattern.compile("(?i)\\b((?:(?:left|right|lower|upper|bilateral)\\s+)?"
            + "(?:[a-z]+\\s+)?(?:pain|ache|aches|swelling|cough|rash|fever|headaches?|fatigue|shortness of breath|dizziness|"
            + "numbness|tingling|bleeding|nausea|vomiting|diarrhea|weakness|palpitations|itching|sore throat))\\b");
    private static final Pattern ZH_COMPLAINT = Pattern.compile("([\\u4e00-\\u9fa5]{1,4}(?:痛|疼|肿|咳嗽|发热|发烧|头晕|乏力|皮疹|出血|呕吐|腹泻|不适))");

    /**
     * Without a "presents for …" sentence, the first complaint the patient names ("my right knee pain") is the
     * chief complaint, linked to where it was said.
     */
    private static void complaintFromPatient(Draft draft, List<SourceSentence> sentences, boolean chinese) {
        if (draft.template() != ReportTemplate.VISIT_NOTE && draft.template() != ReportTemplate.DISCHARGE) {
            return;
        }
        for (SourceSentence s : sentences) {
            if (!s.fromPatient() || Negation.hasCue(s.text())) {
                continue; // a denied symptom is no complaint
            }
            Matcher m = (chinese ? ZH_COMPLAINT : COMPLAINT).matcher(s.text());
            if (m.find()) {
                String phrase = m.group(1).strip().replaceFirst("(?i)^(?:my|a|the|this|some|bad|of|and|with|have|had|got|i)\\s+", "");
                String text = chinese ? phrase + "。" : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + ".";
                draft.sections().get(0).statements().add(new Draft.Statement(text, List.of(s.id())));
                return;
            }
        }
    }

    /** The chief complaint phrase of a "presents for …" sentence, as the first section's statement. */
    private static void chiefComplaint(Draft draft, SourceSentence s, boolean chinese) {
        if (draft.template() != ReportTemplate.VISIT_NOTE && draft.template() != ReportTemplate.DISCHARGE) {
            return;
        }
        Draft.Section first = draft.sections().get(0);
        if (!first.statements().isEmpty()) {
            return;
        }
        Matcher m = (chinese ? ZH_CC : PRESENTS).matcher(s.text());
        if (m.find()) {
            String phrase = m.group(1).strip().replaceAll("\\s+([,.])", "$1");
            if (!phrase.isEmpty()) {
                String text = chinese ? phrase + "。" : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1) + ".";
                first.statements().add(new Draft.Statement(text, List.of(s.id())));
            }
        }
    }

    private static boolean asksFinding(Topic topic) {
        return switch (topic) {
            case ROS, GENHX, ALLERGY, MEDICATIONS, FAM_SOCHX, PASTMEDICALHX, PASTSURGICAL, IMMUNIZATIONS, GYNHX -> true;
            default -> false;
        };
    }

    private static void add(Draft draft, String section, String statement, List<String> sources, Set<String> seen) {
        String key = statement.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (key.isEmpty() || !seen.add(key)) {
            return;
        }
        draft.section(section).statements().add(new Draft.Statement(statement, new ArrayList<>(sources)));
    }

    static int wordCount(String text, boolean chinese) {
        if (chinese) {
            return (int) text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
        }
        String t = text.strip();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
