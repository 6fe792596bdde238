package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.documents.DocumentLimits;
import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DraftReportSkillTest {

    static final String DIALOGUE = """
            Doctor: Good morning, Mr. Harold Becker. I have your chart here, MRN 00483921.
            Patient: Morning, doctor. My daughter Emily Becker drove me, you can call her at 617-555-0142.
            Doctor: So Harold is a 67-year-old male who presents today for chest tightness on exertion.
            Doctor: When did it start?
            Patient: About two weeks ago, after I shoveled snow on January 5, 2024.
            Patient: The pain goes away when I rest.
            Doctor: Do you have any shortness of breath?
            Patient: No.
            Doctor: Any fevers or chills?
            Patient: No, none.
            Doctor: Any nausea?
            Patient: Yes, a little.
            Doctor: On exam your lungs are clear and I hear a soft systolic murmur.
            Doctor: The EKG shows no acute ST changes.
            Doctor: I think this is likely stable angina, but we cannot exclude a myocardial infarction.
            Doctor: We'll order a troponin and start aspirin 81 mg daily, and follow up in one week.
            """;

    static final List<String> IDENTIFIERS = List.of("Harold", "Becker", "Emily", "00483921", "617-555-0142",
            "January 5, 2024");

    static SkillHarness harness() {
        return SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", DIALOGUE)
                .value("sex", "male").value("age", 67);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> sections(SkillRun run) {
        return ((List<Map<String, Object>>) run.resultMap().get("sections")).stream()
                .collect(Collectors.toMap(s -> (String) s.get("name"), s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    static String text(SkillRun run, String section) {
        return (String) sections(run).get(section).get("text");
    }

    @Test
    void offlineVisitNoteRoutesSentencesToSectionsWithSourceLinks() {
        SkillRun run = harness().run();
        Map<String, Object> result = run.resultMap();
        assertThat(result.get("engine")).isEqualTo(OfflineDrafter.ENGINE);
        assertThat(result.get("status")).isEqualTo("draft — requires clinician sign-off");
        assertThat(sections(run).keySet()).containsExactly("CHIEF COMPLAINT", "HISTORY OF PRESENT ILLNESS",
                "REVIEW OF SYSTEMS", "PHYSICAL EXAM", "RESULTS", "ASSESSMENT AND PLAN");
        assertThat(text(run, "CHIEF COMPLAINT")).containsIgnoringCase("chest tightness on exertion");
        assertThat(text(run, "REVIEW OF SYSTEMS")).contains("Denies", "shortness of breath", "Reports", "nausea");
        assertThat(text(run, "PHYSICAL EXAM")).contains("murmur");
        assertThat(text(run, "RESULTS")).contains("EKG");
        assertThat(text(run, "ASSESSMENT AND PLAN")).contains("troponin", "cannot exclude");
        assertThat(text(run, "HISTORY OF PRESENT ILLNESS")).contains("he rests");
        // Every statement names the source sentences it comes from, and those exist.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sentences = (List<Map<String, Object>>) result.get("sourceSentences");
        List<Object> ids = sentences.stream().map(s -> s.get("id")).toList();
        for (Map<String, Object> section : sections(run).values()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> statements = (List<Map<String, Object>>) section.get("statements");
            for (Map<String, Object> st : statements) {
                assertThat((List<String>) st.get("sources")).as(st.toString()).isNotEmpty().allMatch(ids::contains);
            }
        }
        Map<String, Object> first = sentences.get(0);
        assertThat(DIALOGUE.substring((Integer) first.get("start"), (Integer) first.get("end"))).isEqualTo(first.get("text"));
    }

    @Test
    void withoutAPresentsForSentenceTheFirstComplaintThePatientNamesIsTheChiefComplaint() {
        SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", """
                Doctor: What brings you in today?
                Patient: I have no fever, but my right knee pain has been bad since Saturday.
                Patient: Well, my right knee pain started after a soccer game.
                Doctor: Any swelling?
                Patient: No.
                """).run();
        assertThat(text(run, "CHIEF COMPLAINT")).isEqualTo("Right knee pain.");
        @SuppressWarnings("unchecked")
        List<String> sources = (List<String>) sections(run).get("CHIEF COMPLAINT").get("sources");
        assertThat(sources).containsExactly("S3");
    }

    @Test
    void negatedAndUncertainFindingsAreNeverWrittenAsPresent() {
        SkillRun run = harness().run();
        String all = sections(run).values().stream().map(s -> (String) s.get("text")).collect(Collectors.joining("\n"));
        assertThat(Negation.violations(all, DIALOGUE)).isEmpty();
        assertThat(all).doesNotContainPattern("(?i)reports (?:any )?shortness of breath");
    }

    @Test
    void criticalLabsRaiseAnAlertAndAppearInTheAssessment() {
        SkillRun run = harness().value("labsText", "K 6.9 mmol/L\nNa 139 mmol/L\nTroponin 0.09 ng/mL\nHb 150 g/L").run();
        Map<String, Object> result = run.resultMap();
        assertThat((List<String>) result.get("alerts")).hasSize(2).anyMatch(a -> a.contains("Potassium 6.9"))
                .anyMatch(a -> a.contains("Troponin 90 ng/L"));
        assertThat(text(run, "ASSESSMENT AND PLAN")).startsWith("Critical value: Potassium 6.9 mmol/L")
                .contains("Troponin 90 ng/L");
        assertThat(text(run, "RESULTS")).startsWith("Potassium 6.9 mmol/L (critical high");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labs = (List<Map<String, Object>>) result.get("labs");
        assertThat(labs).extracting(l -> l.get("flag")).containsExactly("critical", "normal", "critical", "normal");
    }

    @Test
    void labsFromAnXlsxFileAreRead() {
        OfficeDocumentKit kit = new OfficeDocumentKit(DocumentLimits.DEFAULTS, (m, l) -> { throw new IllegalStateException(); });
        Media xlsx = kit.writeXlsx("labs.xlsx", new dev.atrium.sdk.document.Workbook(List.of(new dev.atrium.sdk.document.Table(
                "labs", List.of("Test", "Value", "Unit", "Reference range"),
                List.of(List.of("Glucose", 40.0, "mg/dL", ""), List.of("Platelets", 250.0, "10^9/L", "150-400")))), List.of()));
        SkillRun run = harness().file("labs", xlsx).run();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> labs = (List<Map<String, Object>>) run.resultMap().get("labs");
        assertThat(labs).extracting(l -> l.get("flag")).containsExactly("critical", "normal");
        assertThat(labs.get(0).get("unit")).isEqualTo("mmol/L");
    }

    @Test
    void remoteDraftNeverSendsAnIdentifierToTheModel() {
        FakeModelGateway models = new FakeModelGateway().onStructured(new ReportDraftAnswer(List.of(
                new ReportDraftAnswer.Section("CHIEF COMPLAINT", List.of(
                        new ReportDraftAnswer.Statement("Chest tightness on exertion in [NAME_1].", List.of("S3")))))));
        SkillRun run = harness().value("patientName", "Harold Becker").value("labsText", "K 6.9 mmol/L")
                .file("priorReports", Media.ofText("prior.txt", "text/plain",
                        "Prior echo for Harold Becker on 03/02/2023 at 42 Willow Creek Road: normal ejection fraction."))
                .models(models).run();

        assertThat(models.chatRequests()).isNotEmpty();
        String sent = models.chatRequests().stream().flatMap(r -> r.messages().stream()).map(ChatMessage::text)
                .collect(Collectors.joining("\n"));
        for (String identifier : List.of("Harold", "Becker", "Emily", "00483921", "617-555-0142", "January 5, 2024",
                "03/02/2023", "42 Willow Creek Road")) {
            assertThat(sent).as("sent to the model").doesNotContain(identifier);
        }
        assertThat(sent).contains("[NAME_1]", "[MRN_1]", "[PHONE_1]", "[DATE_1]", "chest tightness");
        // The clinician sees the name again, and the engine is the model.
        assertThat(text(run, "CHIEF COMPLAINT")).contains("Harold Becker");
        assertThat(run.resultMap().get("engine")).isEqualTo("fake/fake-model");
        assertThat(run.resultMap().get("phiReplaced")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("NAME", "MRN", "PHONE", "DATE", "ADDRESS");
        assertThat(text(run, "ASSESSMENT AND PLAN")).contains("Potassium 6.9");
    }

    @Test
    void aModelThatDropsANegationIsCorrectedByTheCheck() {
        FakeModelGateway models = new FakeModelGateway().onStructured(new ReportDraftAnswer(List.of(
                new ReportDraftAnswer.Section("REVIEW OF SYSTEMS", List.of(
                        new ReportDraftAnswer.Statement("Reports shortness of breath.", List.of("S9", "S10")),
                        new ReportDraftAnswer.Statement("Fevers and chills.", List.of()))),
                new ReportDraftAnswer.Section("ASSESSMENT AND PLAN", List.of(
                        new ReportDraftAnswer.Statement("Myocardial infarction.", List.of("S17")),
                        new ReportDraftAnswer.Statement("Potassium 5.2 mmol/L, recheck.", List.of("S18")))))));
        SkillRun run = harness().value("labsText", "K 6.9 mmol/L").models(models).run();

        String ros = text(run, "REVIEW OF SYSTEMS");
        assertThat(ros).doesNotContain("Reports shortness of breath").contains("shortness of breath?").contains("No.");
        assertThat(ros).doesNotContain("Fevers and chills"); // cites nothing: left out
        String plan = text(run, "ASSESSMENT AND PLAN");
        assertThat(plan).doesNotContain("Myocardial infarction.").contains("cannot exclude a myocardial infarction");
        assertThat(plan).doesNotContain("5.2").contains("Potassium 6.9 mmol/L (critical high");
        @SuppressWarnings("unchecked")
        Map<String, Object> checks = (Map<String, Object>) run.resultMap().get("checks");
        assertThat(checks).containsEntry("negationCorrected", 2).containsEntry("labValuesCorrected", 1);
        assertThat(run.warnings()).anyMatch(w -> w.startsWith("negation check"));
    }

    @Test
    void aFailingModelFallsBackToTheOfflineDraft() {
        FakeModelGateway models = new FakeModelGateway().onStructuredJson("{ not json");
        SkillRun run = harness().models(models).run();
        assertThat(run.resultMap().get("engine")).isEqualTo(OfflineDrafter.ENGINE);
        assertThat(run.warnings()).anyMatch(w -> w.contains("drafted offline"));
    }

    @Test
    void radiologyDictationInChinese() {
        String dictation = "胸部CT平扫，层厚5mm。右肺下叶见斑片状高密度影。双肺未见结节。纵隔淋巴结未见肿大。"
                + "印象：右肺下叶炎症，不除外早期感染。建议抗感染治疗后复查。";
        SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("reportType", "radiology")
                .value("source", dictation).run();
        assertThat(run.resultMap().get("language")).isEqualTo("zh");
        assertThat(text(run, "TECHNIQUE")).contains("平扫");
        assertThat(text(run, "FINDINGS")).contains("未见结节");
        assertThat(text(run, "IMPRESSION")).contains("不除外");
        assertThat(sections(run).get("IMPRESSION").get("title")).isEqualTo("印象");
    }

    @Test
    void radiologyDictationWithHeadingsKeepsNegationAndUncertainty() {
        String dictation = """
                Technique: CT of the chest without contrast, 5 mm axial slices.
                Findings: There is a patchy opacity in the right lower lobe. No pneumothorax. No pleural effusion.
                Impression: Right lower lobe opacity, cannot exclude early pneumonia.
                """;
        SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("reportType", "radiology")
                .value("source", dictation).run();
        assertThat(text(run, "TECHNIQUE")).contains("without contrast");
        assertThat(text(run, "FINDINGS")).contains("patchy opacity", "No pneumothorax", "No pleural effusion");
        assertThat(text(run, "IMPRESSION")).contains("cannot exclude early pneumonia");
        String all = sections(run).values().stream().map(s -> (String) s.get("text")).collect(Collectors.joining("\n"));
        assertThat(Negation.violations(all, dictation)).isEmpty();
    }

    @Test
    void dischargeSummaryFilesHospitalCourseMedicationsAndFollowUp() {
        String dictation = """
                The patient was admitted with community acquired pneumonia and a fever of 39 degrees.
                In the emergency room he was given IV fluids and ceftriaxone.
                Diagnosis: community acquired pneumonia, improving.
                He is taking amoxicillin 500 mg three times daily for five more days.
                Follow up with his primary care physician in one week and repeat the chest x-ray in six weeks.
                """;
        SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("reportType", "discharge")
                .value("source", dictation).value("labsText", "Na 118 mmol/L").run();
        assertThat(sections(run).keySet()).containsExactly("REASON FOR ADMISSION", "HOSPITAL COURSE", "RESULTS",
                "DISCHARGE DIAGNOSES", "DISCHARGE MEDICATIONS", "FOLLOW-UP");
        assertThat(text(run, "HOSPITAL COURSE")).contains("IV fluids");
        assertThat(text(run, "DISCHARGE MEDICATIONS")).contains("amoxicillin 500 mg");
        assertThat(text(run, "FOLLOW-UP")).contains("primary care physician");
        assertThat(text(run, "DISCHARGE DIAGNOSES")).startsWith("Critical value: Sodium 118 mmol/L").contains("pneumonia");
    }

    @Test
    void draftPdfHasTheSectionsAndTheWatermark() {
        SkillRun run = harness().run();
        OfficeDocumentKit kit = new OfficeDocumentKit(DocumentLimits.DEFAULTS, (m, l) -> { throw new IllegalStateException(); });
        String pdf = kit.read(run.artifact("report-draft.pdf")).text();
        assertThat(pdf).contains("CHIEF COMPLAINT", "ASSESSMENT AND PLAN", "requires clinician");
        assertThat(pdf.replaceAll("\\s+", " ")).containsIgnoringCase("DRAFT");
        assertThat(kit.read(run.artifact("report-draft.docx")).text()).contains("PHYSICAL EXAM");
    }

    @Test
    void aRecordingWithoutATranscriptionProviderSaysOneIsNeeded() {
        SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical")
                .file("recording", Media.of("visit.wav", "audio/wav", new byte[64])).run();
        assertThat(run.error()).get().isInstanceOf(CapabilityUnavailableException.class);
        assertThat(run.error().get().getMessage()).contains("transcription provider");
    }

    @Test
    void aRecordingIsTranscribedWhenAProviderIsThere() {
        FakeModelGateway models = new FakeModelGateway().onTranscribe("Patient presents with a cough for three days. "
                + "No fever. Lungs are clear on exam.");
        SkillRun run = SkillHarness.of(new DraftReportSkill()).pluginId("medical").models(models)
                .file("recording", Media.of("visit.wav", "audio/wav", new byte[64])).run();
        assertThat(text(run, "CHIEF COMPLAINT")).containsIgnoringCase("cough");
    }

    @Test
    void badInputIsAnsweredClearly() {
        SkillRun empty = SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", "   ").run();
        assertThat(empty.error()).get().isInstanceOf(BadInputException.class);
        assertThat(empty.error().get().getMessage()).contains("give a dialogue");

        SkillRun unit = harness().value("labsText", "K 6.9 bananas").run();
        assertThat(unit.error()).get().isInstanceOf(BadInputException.class);
        assertThat(unit.error().get().getMessage()).contains("unknown unit 'bananas'");

        SkillRun pdf = harness().file("priorReports", Media.of("old.pdf", "application/pdf", "not a pdf".getBytes())).run();
        assertThat(pdf.error()).get().isInstanceOf(BadInputException.class);
        assertThat(pdf.error().get().getMessage()).contains("old.pdf");
    }

    @Test
    void theDraftIsStoredAsADocumentForReview() {
        InMemoryPluginStorage storage = new InMemoryPluginStorage();
        SkillRun run = harness().storage(storage).run();
        String id = (String) run.resultMap().get("document");
        assertThat(storage.keys("reports/")).containsExactly("reports/" + id);
    }

    static String sentText(ChatRequest r) {
        return r.messages().stream().map(ChatMessage::text).collect(Collectors.joining("\n"));
    }
}
