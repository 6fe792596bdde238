package dev.atrium.plugins.medical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every draft goes through, whoever wrote it: lab results and critical alerts put in, critical values
 * made to appear in the assessment, statements that assert a finding the source denies or doubts replaced by
 * the source's own words (or dropped), and lab values that do not match the data replaced by the data.
 */
final class DraftChecks {

    /** Counts of what the checks had to correct. */
    record Outcome(int negationViolations, int labMismatches, int criticalAdded) {
    }

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private DraftChecks() {
    }

    /** One alert per critical value, for the top of the draft. */
    static List<String> alerts(List<LabResults.Lab> labs, boolean chinese) {
        List<String> alerts = new ArrayList<>();
        for (LabResults.Lab lab : labs) {
            if (!lab.critical().isEmpty()) {
                alerts.add(chinese ? "危急值：" + lab.describe() : "CRITICAL VALUE: " + lab.describe());
            }
        }
        return alerts;
    }

    /** Applies every check in place and says what was corrected. */
    static Outcome apply(Draft draft, List<LabResults.Lab> labs, List<String> labIds, Map<String, SourceSentence> sources,
                         List<String> warnings) {
        addLabs(draft, labs, labIds);
        int negation = enforceNegation(draft, sources, warnings);
        int mismatches = enforceLabValues(draft, labs, labIds, warnings);
        int critical = ensureCritical(draft, labs, labIds);
        return new Outcome(negation, mismatches, critical);
    }

    /** The results section lists every lab, abnormal ones first, replacing whatever a model wrote about them. */
    static void addLabs(Draft draft, List<LabResults.Lab> labs, List<String> labIds) {
        if (labs.isEmpty()) {
            return;
        }
        List<Draft.Statement> lines = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < labs.size(); i++) {
                LabResults.Lab lab = labs.get(i);
                boolean abnormal = !lab.flag().equals("normal") && !lab.flag().equals("unflagged");
                if (abnormal == (pass == 0)) {
                    lines.add(new Draft.Statement(lab.describe() + (draft.chinese() ? "。" : "."), List.of(labIds.get(i))));
                }
            }
        }
        List<Draft.Statement> results = draft.section(draft.template().results).statements();
        results.removeIf(s -> s.sources().stream().anyMatch(id -> id.startsWith("L")));
        results.addAll(0, lines);
    }

    /** Each critical value is stated at the top of the assessment unless the assessment already names it. */
    static int ensureCritical(Draft draft, List<LabResults.Lab> labs, List<String> labIds) {
        List<Draft.Statement> assessment = draft.section(draft.template().assessment).statements();
        int added = 0;
        for (int i = labs.size() - 1; i >= 0; i--) {
            LabResults.Lab lab = labs.get(i);
            if (lab.critical().isEmpty()) {
                continue;
            }
            String test = lab.test().toLowerCase(Locale.ROOT);
            boolean named = assessment.stream().anyMatch(s -> s.text().toLowerCase(Locale.ROOT).contains(test)
                    && s.text().contains(LabResults.format(lab.value())));
            if (!named) {
                String text = draft.chinese()
                        ? "危急值：" + lab.describe() + "，需立即处理。"
                        : "Critical value: " + lab.describe() + " — requires immediate attention.";
                assessment.add(0, new Draft.Statement(text, List.of(labIds.get(i))));
                added++;
            }
        }
        return added;
    }

    /**
     * Replaces each statement that asserts what its sources (or, without sources, the whole material) deny or
     * doubt by the cited sentences' own words; drops it when it cites none.
     */
    static int enforceNegation(Draft draft, Map<String, SourceSentence> sources, List<String> warnings) {
        Map<String, String> asserted = assertions(new ArrayList<>(sources.values()));
        String all = String.join("\n", new java.util.LinkedHashSet<>(asserted.values()));
        int violations = 0;
        for (Draft.Section section : draft.sections()) {
            List<Draft.Statement> statements = section.statements();
            for (int i = 0; i < statements.size(); i++) {
                Draft.Statement st = statements.get(i);
                if (st.sources().stream().anyMatch(id -> id.startsWith("L"))) {
                    continue;
                }
                String cited = st.sources().stream().map(asserted::get).filter(java.util.Objects::nonNull).distinct()
                        .collect(Collectors.joining("\n"));
                String citedWords = st.sources().stream().map(sources::get).filter(java.util.Objects::nonNull)
                        .map(SourceSentence::text).collect(Collectors.joining(" "));
                List<Negation.Violation> found = new ArrayList<>(Negation.violations(st.text(), cited.isEmpty() ? all : cited));
                if (found.isEmpty() && !cited.isEmpty()) {
                    found.addAll(Negation.violations(st.text(), all));
                }
                if (found.isEmpty()) {
                    continue;
                }
                violations++;
                Negation.Violation v = found.get(0);
                warnings.add("negation check: '" + v.statement() + "' states '" + v.term() + "' as present; the source "
                        + (v.source() == Negation.Assertion.ABSENT ? "negates" : "doubts")
                        + " it — replaced by the source's words");
                if (cited.isEmpty()) {
                    statements.remove(i--);
                } else {
                    statements.set(i, new Draft.Statement(citedWords.strip(), st.sources()));
                }
            }
        }
        return violations;
    }

    /**
     * What each source sentence asserts: its own words, except that a clinician's yes/no question and the patient's
     * answer both assert "Denies …" or "Reports …" (a bare "No." says nothing by itself).
     */
    static Map<String, String> assertions(List<SourceSentence> sentences) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            SourceSentence s = sentences.get(i);
            out.putIfAbsent(s.id(), s.text());
            if (s.question() && i + 1 < sentences.size() && sentences.get(i + 1).fromPatient()) {
                SourceSentence answer = sentences.get(i + 1);
                int yes = Phrasing.answer(answer.text());
                boolean chinese = s.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                if (yes != 0) {
                    String composed = Phrasing.answered(Phrasing.questionTopic(s.text(), chinese), yes, chinese);
                    out.put(s.id(), composed);
                    // An answer that goes on ("yeah, they took my gallbladder out") asserts its own words too.
                    out.put(answer.id(), composed + "\n" + answer.text());
                }
            }
        }
        return out;
    }

    /** A statement that gives a lab a value the data does not have is replaced by the lab's own line. */
    static int enforceLabValues(Draft draft, List<LabResults.Lab> labs, List<String> labIds, List<String> warnings) {
        int mismatches = 0;
        for (Draft.Section section : draft.sections()) {
            List<Draft.Statement> statements = section.statements();
            for (int i = 0; i < statements.size(); i++) {
                Draft.Statement st = statements.get(i);
                if (st.sources().stream().anyMatch(id -> id.startsWith("L"))) {
                    continue;
                }
                for (int l = 0; l < labs.size(); l++) {
                    LabResults.Lab lab = labs.get(l);
                    String lower = st.text().toLowerCase(Locale.ROOT);
                    int at = lower.indexOf(lab.test().toLowerCase(Locale.ROOT));
                    if (at < 0) {
                        continue;
                    }
                    Matcher m = NUMBER.matcher(st.text().substring(at, Math.min(st.text().length(), at + lab.test().length() + 24)));
                    if (m.find()) {
                        double said = Double.parseDouble(m.group());
                        double given = firstNumber(lab.reported());
                        if (Math.abs(said - lab.value()) > 1e-6 && Math.abs(said - given) > 1e-6) {
                            mismatches++;
                            warnings.add("lab check: '" + st.text() + "' gives " + lab.test() + " as " + m.group()
                                    + "; the data says " + lab.describe() + " — replaced");
                            statements.set(i, new Draft.Statement(lab.describe() + (draft.chinese() ? "。" : "."),
                                    List.of(labIds.get(l))));
                            break;
                        }
                    }
                }
            }
        }
        return mismatches;
    }

    private static double firstNumber(String s) {
        Matcher m = NUMBER.matcher(s);
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }
}
