package dev.atrium.plugins.medical;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.ProviderException;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.SkillTimeoutException;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.model.Transcript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Drafts a clinic visit note, radiology report or discharge summary from a visit dialogue or dictation, a
 * recording, structured findings, lab results and prior reports, for a clinician to review and sign.
 *
 * <p>Offline the draft is extractive: sentences routed to sections by topic cues and put in note style. With a
 * structured-output model the material is first de-identified ({@link PhiGuard}); the model sees placeholders
 * only. Either way, lab flags and critical alerts come from the data, critical values are made to appear in the
 * assessment, and a statement asserting a finding the source negates or doubts is replaced by the source's words.
 */
@Extension
public class DraftReportSkill implements Skill {

    private static final SkillSpec SPEC = SkillSpec.builder("draft-report")
            .title("Draft a clinical report")
            .description("Drafts a visit note, radiology report or discharge summary from a dialogue, dictation, "
                    + "recording, findings, labs and prior reports: sections linked to their sources, abnormal and "
                    + "critical labs flagged, personal data removed before any external model sees it. "
                    + "A clinician reviews and signs it (skill review-report).")
            .input(InputSpec.choice("reportType", "visit-note", "radiology", "discharge").label("Report type")
                    .defaultValue("visit-note"))
            .input(InputSpec.longText("source").label("Dialogue or dictation")
                    .description("A visit dialogue ('Doctor: …' / 'Patient: …' or [doctor] … lines) or dictated text."))
            .input(InputSpec.file("recording").label("Recording")
                    .description("Audio or video of the visit or dictation; needs a transcription provider.")
                    .accept("audio/*", "video/*"))
            .input(InputSpec.longText("findings").label("Findings").description("Structured findings, one per line."))
            .input(InputSpec.file("labs").label("Lab results")
                    .description("CSV, XLSX or text with columns test, value, unit and optionally range.")
                    .accept("text/csv", "text/plain", ClinicalFiles.XLSX, "application/vnd.ms-excel"))
            .input(InputSpec.longText("labsText").label("Lab rows (pasted)")
                    .description("One result per line, e.g. 'K 6.9 mmol/L 3.5-5.1', or CSV with a header."))
            .input(InputSpec.files("priorReports").label("Prior reports").description("PDF, DOCX or text.")
                    .accept(ClinicalFiles.PDF, ClinicalFiles.DOCX, "text/plain", "text/markdown").maxFiles(5))
            .input(InputSpec.number("age").label("Age").range(0.0, 130.0))
            .input(InputSpec.choice("sex", "unspecified", "female", "male").label("Sex").defaultValue("unspecified"))
            .input(InputSpec.choice("language", "auto", "en", "zh").label("Language").defaultValue("auto"))
            .input(InputSpec.text("patientName").label("Patient and other names")
                    .description("Names of the patient, relatives or staff, comma-separated: always removed before a model sees the text."))
            .output(OutputSpec.artifact("report-draft.pdf", ClinicalFiles.PDF, "the draft with a DRAFT watermark"))
            .output(OutputSpec.artifact("report-draft.docx", ClinicalFiles.DOCX, "the draft as a Word document"))
            .output(OutputSpec.result("document", "id of the report document for review and sign-off"))
            .output(OutputSpec.result("status", "draft — requires clinician sign-off"))
            .output(OutputSpec.result("sections", "name, title, text, sources (sentence ids) and statements of each section"))
            .output(OutputSpec.result("labs", "test, value, unit, range, flag of each lab result"))
            .output(OutputSpec.result("alerts", "critical values, shown at the top"))
            .output(OutputSpec.result("phiReplaced", "identifiers replaced before any model call, by type"))
            .output(OutputSpec.result("sourceSentences", "id, origin, speaker, text, start, end of each source sentence"))
            .output(OutputSpec.result("checks", "what the negation, lab and critical-value checks corrected"))
            .output(OutputSpec.result("engine", "what drafted the report"))
            .uses(Capability.STRUCTURED_OUTPUT, Capability.TRANSCRIPTION)
            .timeout(Duration.ofMinutes(10))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public DraftReportSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            ReportTemplate template = ReportTemplate.of(input.text("reportType").orElse("visit-note"));
            String givenSex = input.text("sex").filter(s -> !s.equals("unspecified")).orElse("");
            Long age = input.number("age").map(Double::longValue).orElse(null);
            List<String> names = DeidentifySkill.names(input.text("patientName").orElse(""));
            List<String> warnings = new ArrayList<>();

            sink.next(SkillEvent.progress(5, "reading the material"));
            Material material = material(input, context, givenSex, warnings);
            String sex = givenSex;
            context.cancellation().throwIfCancelled();
            boolean chinese = "zh".equals(ClinicalFiles.language(input.text("language").orElse("auto"), material.allText()));
            if (sex.isEmpty()) {
                // Pronouns of the note follow the sex the clinician states ("a 58-year-old male"); never guessed otherwise.
                sex = statedSex(material.allText());
            }

            List<SourceSentence> sentences = material.sentences();
            Map<String, SourceSentence> byId = new LinkedHashMap<>();
            sentences.forEach(s -> byId.put(s.id(), s));

            // Names found anywhere in the material are removed everywhere, sentence by sentence.
            Set<String> knownNames = new LinkedHashSet<>(names);
            PhiGuard.find(material.allText(), names).stream().filter(s -> s.type() == PhiType.NAME)
                    .forEach(s -> knownNames.add(s.text()));
            PhiMapping mapping = new PhiMapping();
            ChatRequest request = RemoteDrafter.request(template, sentences, material.labs(), material.labIds(), age, sex,
                    chinese, knownNames, mapping);

            Draft draft = null;
            if (context.models().isAvailable(Capability.STRUCTURED_OUTPUT)) {
                sink.next(SkillEvent.progress(30, "drafting with the model (identifiers removed)"));
                try {
                    draft = RemoteDrafter.draft(template, request, byId, chinese, context.models(), mapping, warnings);
                } catch (ProviderException | CapabilityUnavailableException | SkillTimeoutException e) {
                    warnings.add("the model could not draft the report (" + e.getMessage() + "); drafted offline instead");
                }
            }
            if (draft == null || draft.sections().stream().allMatch(s -> s.statements().isEmpty())) {
                sink.next(SkillEvent.progress(40, "drafting offline"));
                draft = OfflineDrafter.draft(template, sentences, chinese, sex);
            }
            context.cancellation().throwIfCancelled();

            sink.next(SkillEvent.progress(70, "checking negations, labs and critical values"));
            DraftChecks.Outcome outcome = DraftChecks.apply(draft, material.labs(), material.labIds(), byId, warnings);
            List<String> alerts = DraftChecks.alerts(material.labs(), chinese);

            Instant now = context.clock().instant();
            ReportDocument.Version version = new ReportDocument.Version(1, "draft", "atrium", now.toString(), draft.engine(),
                    alerts, draft.sections().stream().map(s -> new ReportDocument.SectionText(s.name(), s.text(chinese),
                    s.sources())).toList(), material.labs().stream().map(l -> new ReportDocument.LabRow(l.test(), l.value(),
                    l.unit(), l.range(), l.flag())).toList(), null, "", null);
            ReportDocument document = new ReportDocuments(context.storage())
                    .create(template.id, chinese ? "zh" : "en", version, context.userId(), now);

            sink.next(SkillEvent.progress(85, "writing PDF and DOCX"));
            String patient = patientLine(age, sex, chinese);
            var content = ReportRendering.content(document, version, patient);
            sink.next(SkillEvent.artifact(context.documents().writePdf("report-draft.pdf", content,
                    ReportRendering.pdfOptions(version))));
            sink.next(SkillEvent.artifact(context.documents().writeDocx("report-draft.docx", content)));
            warnings.forEach(w -> sink.next(SkillEvent.warning(w)));

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("document", document.id());
            result.put("status", ReportRendering.DRAFT_STATUS);
            result.put("reportType", template.id);
            result.put("language", chinese ? "zh" : "en");
            result.put("alerts", alerts);
            result.put("sections", draft.sections().stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", s.name());
                m.put("title", template.sectionTitle(s.name(), chinese));
                m.put("text", s.text(chinese));
                m.put("sources", s.sources());
                m.put("statements", s.statements().stream().map(st -> Map.of("text", st.text(), "sources", st.sources())).toList());
                return m;
            }).toList());
            result.put("labs", material.labs().stream().map(l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("test", l.test());
                m.put("value", l.value());
                m.put("unit", l.unit());
                m.put("range", l.range());
                m.put("flag", l.flag());
                m.put("reported", l.reported());
                return m;
            }).toList());
            result.put("phiReplaced", mapping.counts());
            result.put("sourceSentences", sentences.stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s.id());
                m.put("origin", s.origin());
                m.put("speaker", s.speaker());
                m.put("text", s.text());
                m.put("start", s.start());
                m.put("end", s.end());
                return m;
            }).toList());
            result.put("checks", Map.of("negationCorrected", outcome.negationViolations(),
                    "labValuesCorrected", outcome.labMismatches(), "criticalAddedToAssessment", outcome.criticalAdded()));
            result.put("warnings", warnings);
            result.put("engine", draft.engine());
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /** Everything the draft is made from, as numbered sentences and flagged labs. */
    record Material(List<SourceSentence> sentences, List<LabResults.Lab> labs, List<String> labIds, String allText) {
    }

    static Material material(SkillInput input, SkillContext context, String sex, List<String> warnings) {
        SourceText text = new SourceText();
        StringBuilder all = new StringBuilder();
        Optional<String> source = input.text("source").filter(t -> !t.isBlank());
        if (source.isPresent()) {
            text.add("source", source.get(), context.text());
            all.append(source.get()).append('\n');
        }
        Optional<Media> recording = input.file("recording");
        if (recording.isPresent() && source.isEmpty()) {
            if (!context.models().isAvailable(Capability.TRANSCRIPTION)) {
                throw new CapabilityUnavailableException("A recording needs speech-to-text: configure a transcription "
                        + "provider, or paste the dialogue or dictation as text instead.");
            }
            Transcript transcript = context.models().transcribe(recording.get(), input.text("language")
                    .filter(l -> !l.equals("auto")).orElse(null));
            String spoken = transcript.segments().isEmpty() ? transcript.text()
                    : transcript.segments().stream().map(s -> (s.speaker() == null || s.speaker().isBlank() ? ""
                    : s.speaker() + ": ") + s.text().strip()).collect(Collectors.joining("\n"));
            if (spoken == null || spoken.isBlank()) {
                throw new BadInputException("recording", recording.get().name() + " holds no speech");
            }
            text.add("source", spoken, context.text());
            all.append(spoken).append('\n');
        } else if (recording.isPresent()) {
            warnings.add("both a text source and a recording were given; the recording was not transcribed");
        }
        Optional<String> findings = input.text("findings").filter(t -> !t.isBlank());
        findings.ifPresent(f -> {
            text.add("findings", f, context.text());
            all.append(f).append('\n');
        });
        for (Media prior : input.files("priorReports")) {
            String body = ClinicalFiles.text(prior, "priorReports", context);
            text.add("prior:" + prior.name(), body, context.text());
            all.append(body).append('\n');
        }
        List<LabResults.Lab> labs = new ArrayList<>();
        Optional<Media> labFile = input.file("labs");
        if (labFile.isPresent()) {
            labs.addAll(labsOf(labFile.get(), context, sex));
        }
        input.text("labsText").filter(t -> !t.isBlank()).ifPresent(t -> labs.addAll(LabResults.fromText(t, sex, "labsText")));
        if (text.sentences().isEmpty() && labs.isEmpty()) {
            throw new BadInputException("source", source.isEmpty() && input.text("source").isPresent()
                    ? "the dialogue or dictation is empty" : "give a dialogue or dictation, a recording, findings, labs or prior reports");
        }
        List<SourceSentence> sentences = new ArrayList<>(text.sentences());
        List<String> labIds = new ArrayList<>();
        for (int i = 0; i < labs.size(); i++) {
            String id = "L" + (i + 1);
            labIds.add(id);
            sentences.add(new SourceSentence(id, "labs", "", labs.get(i).test() + " " + labs.get(i).reported(), -1, -1));
        }
        return new Material(sentences, labs, labIds, all.toString());
    }

    private static List<LabResults.Lab> labsOf(Media file, SkillContext context, String sex) {
        String type = file.mediaType().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain")) {
            return LabResults.fromText(file.text(), sex, "labs");
        }
        ExtractedDocument document;
        try {
            document = context.documents().read(file);
        } catch (BadInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BadInputException("labs", file.name() + " cannot be read: " + e.getMessage(), e);
        }
        List<LabResults.Lab> labs = LabResults.fromTables(document.tables(), sex, "labs");
        if (labs.isEmpty()) {
            throw new BadInputException("labs", file.name() + " has no table with test and value columns");
        }
        return labs;
    }

    private static final java.util.regex.Pattern STATED_SEX = java.util.regex.Pattern.compile(
            "(?i)\\b\\d{1,3}[- ]?(?:year|yr)s?[- ]?old (male|man|gentleman|boy|female|woman|lady|girl)\\b|(男|女)性?[，,]\\s*\\d{1,3}岁");

    static String statedSex(String text) {
        java.util.regex.Matcher m = STATED_SEX.matcher(text);
        if (!m.find()) {
            return "";
        }
        String word = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        return word.matches("male|man|gentleman|boy|男") ? "male" : "female";
    }

    private static String patientLine(Long age, String sex, boolean chinese) {
        if (age == null && sex.isEmpty()) {
            return "";
        }
        if (chinese) {
            return "患者：" + (sex.equals("female") ? "女" : sex.equals("male") ? "男" : "") + (age == null ? "" : "，" + age + "岁");
        }
        return "Patient: " + (age == null ? "" : age + "-year-old ") + (sex.isEmpty() ? "patient" : sex);
    }
}
