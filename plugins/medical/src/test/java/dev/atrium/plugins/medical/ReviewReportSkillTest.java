package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.documents.DocumentLimits;
import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.NotFoundException;
import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewReportSkillTest {

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage();
    private final OfficeDocumentKit kit = new OfficeDocumentKit(DocumentLimits.DEFAULTS, (m, l) -> {
        throw new IllegalStateException("no OCR here");
    });

    private String draft() {
        return (String) DraftReportSkillTest.harness().storage(storage).value("labsText", "K 6.9 mmol/L").run()
                .resultMap().get("document");
    }

    private SkillRun review(String user, String document, String action, Object... values) {
        SkillHarness h = SkillHarness.of(new ReviewReportSkill()).pluginId("medical").storage(storage).userId(user)
                .clock(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC))
                .value("document", document).value("action", action);
        for (int i = 0; i < values.length; i += 2) {
            h.value((String) values[i], values[i + 1]);
        }
        return h.run();
    }

    private static ReportDocument.Version version(SkillRun run) {
        return (ReportDocument.Version) run.resultMap().get("version");
    }

    @Test
    void editSignAndAmendMakeVersionsAndAreAudited() {
        String id = draft();
        SkillRun viewed = review("dr.chen", id, "view");
        assertThat(viewed.resultMap().get("status")).isEqualTo("draft");

        SkillRun edited = review("dr.chen", id, "edit", "sections",
                "## ASSESSMENT AND PLAN\nStable angina. Hyperkalaemia 6.9 mmol/L: repeat potassium now, ECG.", "note", "typo");
        assertThat(version(edited).number()).isEqualTo(2);
        assertThat(version(edited).kind()).isEqualTo("edit");
        assertThat(version(edited).author()).isEqualTo("dr.chen");
        assertThat(version(edited).sections()).filteredOn(s -> s.name().equals("ASSESSMENT AND PLAN"))
                .singleElement().extracting(ReportDocument.SectionText::text).asString().startsWith("Stable angina.");

        SkillRun signed = review("dr.chen", id, "sign", "confirm", true);
        ReportDocument.Version v3 = version(signed);
        assertThat(signed.resultMap().get("status")).isEqualTo("signed");
        assertThat(v3.signature().signer()).isEqualTo("dr.chen");
        assertThat(v3.signature().time()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(v3.signature().hash()).hasSize(64).isEqualTo(ReportDocuments.hash(version(edited)));

        SkillRun refused = review("dr.chen", id, "edit", "sections", "## RESULTS\nchanged");
        assertThat(refused.error()).get().isInstanceOf(BadInputException.class);
        assertThat(refused.error().get().getMessage()).contains("signed", "amend");

        SkillRun amended = review("dr.lee", id, "amend", "sections", "## RESULTS\nRepeat potassium 5.0 mmol/L.",
                "note", "repeat potassium result");
        assertThat(version(amended).amends()).isEqualTo(3);
        assertThat(amended.resultMap().get("status")).isEqualTo("amendment-draft");
        SkillRun resigned = review("dr.lee", id, "sign", "confirm", true);
        assertThat(version(resigned).number()).isEqualTo(5);
        assertThat(version(resigned).amends()).isEqualTo(3);

        @SuppressWarnings("unchecked")
        List<ReportDocument.AuditEntry> audit = (List<ReportDocument.AuditEntry>) resigned.resultMap().get("audit");
        assertThat(audit).extracting(ReportDocument.AuditEntry::action)
                .containsExactly("drafted", "viewed", "edited", "signed", "amended", "signed");
        assertThat(audit).extracting(ReportDocument.AuditEntry::user).contains("dr.chen", "dr.lee");
    }

    @Test
    void nothingIsSignedWithoutConfirmation() {
        String id = draft();
        SkillRun run = review("dr.chen", id, "sign");
        assertThat(run.error()).get().isInstanceOf(BadInputException.class);
        assertThat(review("dr.chen", id, "view").resultMap().get("status")).isEqualTo("draft");
    }

    @Test
    void theSignedPdfHasTheSignatureBlockAndNoDraftWatermark() {
        String id = draft();
        String draftPdf = kit.read(review("dr.chen", id, "view").artifact("report.pdf")).text();
        assertThat(draftPdf).contains("requires clinician");
        SkillRun signed = review("dr.chen", id, "sign", "confirm", true);
        String pdf = kit.read(signed.artifact("report.pdf")).text();
        assertThat(pdf).contains("SIGNATURE", "dr.chen", version(signed).signature().hash().substring(0, 16), "CRITICAL VALUE")
                .doesNotContain("DRAFT", "requires clinician");
    }

    @Test
    void chineseSectionTitlesNameTheSectionsInAnEdit() {
        String id = (String) SkillHarness.of(new DraftReportSkill()).pluginId("medical").storage(storage)
                .value("reportType", "radiology").value("source", "胸部CT平扫。右肺下叶见斑片影。印象：右肺下叶炎症。").run()
                .resultMap().get("document");
        SkillRun edited = review("dr.chen", id, "edit", "sections", "## 印象\n右肺下叶肺炎，建议抗感染治疗后复查。");
        assertThat(version(edited).sections()).filteredOn(s -> s.name().equals("IMPRESSION")).singleElement()
                .extracting(ReportDocument.SectionText::text).asString().startsWith("右肺下叶肺炎");
        assertThat(review("dr.chen", id, "edit", "sections", "## 不存在\n文字").error()).get()
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        assertThat(review("dr.chen", "rpt-0123456789abcdef", "view").error()).get().isInstanceOf(NotFoundException.class);
        assertThat(review("dr.chen", "../etc", "view").error()).get().isInstanceOf(BadInputException.class);
    }

    @Test
    void aResultMapIsSerialisable() {
        Map<String, Object> result = review("dr.chen", draft(), "view").resultMap();
        assertThat(result).containsKeys("document", "status", "version", "versions", "audit");
    }
}
