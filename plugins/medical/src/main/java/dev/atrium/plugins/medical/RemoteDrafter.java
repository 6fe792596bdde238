package dev.atrium.plugins.medical;

import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.model.ModelGateway;
import dev.atrium.sdk.model.StructuredResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A draft written by a structured-output model from the PHI-guarded material: every sentence, lab row and
 * patient fact passes through {@link PhiGuard} before the prompt is built, so the model sees placeholders, never
 * identifiers. Its statements are mapped back for the clinician, and those citing no known sentence are dropped.
 */
final class RemoteDrafter {

    private static final String SYSTEM = """
            You draft clinical reports for a clinician to review and sign. You are given numbered source sentences \
            ([S1] ...) and lab rows ([L1] ...). Write each section of the requested report from them only: never add \
            a finding, value or diagnosis that no sentence states. Keep every negation and uncertainty exactly: \
            "no pneumothorax" must stay negated, "cannot exclude pneumonia" must stay uncertain. Each statement \
            lists the ids of the sentences it is based on. Keep placeholders such as [NAME_1] or [DATE_2] unchanged. \
            Write in the requested language, in concise clinical style. Critical lab values must appear in the \
            assessment section.""";

    private RemoteDrafter() {
    }

    /** The chat request the model receives: guarded text only. */
    static ChatRequest request(ReportTemplate template, List<SourceSentence> sentences, List<LabResults.Lab> labs,
                               List<String> labIds, Long age, String sex, boolean chinese, Collection<String> names,
                               PhiMapping mapping) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("Report type: ").append(template.title).append('\n');
        prompt.append("Sections, in order: ").append(String.join(" | ", template.sections)).append('\n');
        prompt.append("Language: ").append(chinese ? "Chinese (zh)" : "English (en)").append('\n');
        if (age != null) {
            // Ages over 89 are identifying under Safe Harbor: the model gets the group, not the age.
            prompt.append("Patient age: ").append(age > 89 ? "90 or older" : age + " years").append('\n');
        }
        if (sex != null && !sex.isBlank()) {
            prompt.append("Patient sex: ").append(sex).append('\n');
        }
        prompt.append("\nSource sentences:\n");
        for (SourceSentence s : sentences) {
            if (s.origin().equals("labs")) {
                continue;
            }
            String who = s.speaker().isEmpty() ? "" : s.speaker() + ": ";
            String from = s.origin().equals("source") ? "" : "(" + (s.origin().startsWith("prior:") ? "prior report" : s.origin()) + ") ";
            prompt.append('[').append(s.id()).append("] ").append(from).append(who)
                    .append(PhiGuard.guard(s.text(), names, mapping).replaceAll("\\s*\\R\\s*", " ")).append('\n');
        }
        if (!labs.isEmpty()) {
            prompt.append("\nLab results (flag against range):\n");
            for (int i = 0; i < labs.size(); i++) {
                prompt.append('[').append(labIds.get(i)).append("] ")
                        .append(PhiGuard.guard(labs.get(i).describe(), names, mapping)).append('\n');
            }
        }
        return new ChatRequest(List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt.toString())), 0.0, null);
    }

    /** Asks the model and turns its answer into a draft in the clinician's view (identifiers put back). */
    static Draft draft(ReportTemplate template, ChatRequest request, Map<String, SourceSentence> known, boolean chinese,
                       ModelGateway models, PhiMapping mapping, List<String> warnings) {
        StructuredResult<ReportDraftAnswer> answer = models.structured(request, ReportDraftAnswer.class);
        Draft draft = Draft.empty(template, chinese, name(answer.engine()));
        ReportDraftAnswer value = answer.value();
        int dropped = 0;
        for (ReportDraftAnswer.Section section : value == null || value.sections() == null ? List.<ReportDraftAnswer.Section>of()
                : value.sections()) {
            if (section == null || section.name() == null) {
                continue;
            }
            String name = match(template, section.name());
            if (name == null || section.statements() == null) {
                continue;
            }
            for (ReportDraftAnswer.Statement st : section.statements().stream().filter(Objects::nonNull).toList()) {
                if (st.text() == null || st.text().isBlank()) {
                    continue;
                }
                List<String> ids = new ArrayList<>();
                for (String id : st.sources() == null ? List.<String>of() : st.sources()) {
                    String clean = id == null ? "" : id.replaceAll("[\\[\\]\\s]", "").toUpperCase();
                    if (known.containsKey(clean)) {
                        ids.add(clean);
                    }
                }
                if (ids.isEmpty()) {
                    dropped++;
                    continue;
                }
                draft.section(name).statements().add(new Draft.Statement(mapping.reidentify(st.text().strip()), ids));
            }
        }
        if (dropped > 0) {
            warnings.add(dropped + " statement(s) of the model cited no source sentence and were left out");
        }
        return draft;
    }

    private static String match(ReportTemplate template, String name) {
        String n = name.strip().toUpperCase().replaceAll("\\s+", " ");
        for (int i = 0; i < template.sections.size(); i++) {
            if (template.sections.get(i).equals(n) || template.sectionsZh.get(i).equals(name.strip())) {
                return template.sections.get(i);
            }
        }
        return null;
    }

    static String name(Engine engine) {
        if (engine == null) {
            return "remote";
        }
        return engine.model().isEmpty() ? engine.provider() : engine.provider() + "/" + engine.model();
    }
}
