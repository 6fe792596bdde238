package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DeidentifySkillTest {

    private static final String NOTE = "Olivia Grant (MRN 00483921) was admitted on 2024-03-05 and discharged on "
            + "2024-03-15. Follow-up on 2024-04-14 with Dr. Hall, phone 617-555-0142.";

    private static SkillRun run(String text, String dates) {
        return SkillHarness.of(new DeidentifySkill()).pluginId("medical").value("text", text).value("dates", dates).run();
    }

    @Test
    void replacesIdentifiersWithTypedPlaceholdersAndListsTheSpans() {
        SkillRun run = run(NOTE, "placeholder");
        Map<String, Object> result = run.resultMap();
        String text = (String) result.get("text");
        assertThat(text).startsWith("[NAME_1] (MRN [MRN_1]) was admitted on [DATE_1]").contains("[PHONE_1]", "[DATE_3]")
                .doesNotContain("Olivia", "Grant", "00483921", "Hall", "555-0142", "2024");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> spans = (List<Map<String, Object>>) result.get("spans");
        assertThat(spans).extracting(s -> s.get("type")).contains("NAME", "MRN", "DATE", "PHONE");
        Map<String, Object> first = spans.get(0);
        assertThat(NOTE.substring((Integer) first.get("start"), (Integer) first.get("end"))).isEqualTo("Olivia Grant");
        assertThat(result.get("phiReplaced")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("DATE", 3);
    }

    @Test
    void shiftedDatesKeepTheirIntervalsAndAreNotTheOriginals() {
        String text = (String) run(NOTE, "shift").resultMap().get("text");
        Matcher m = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(text);
        List<LocalDate> dates = new java.util.ArrayList<>();
        while (m.find()) {
            dates.add(LocalDate.parse(m.group()));
        }
        // Each date moved off its own original (the intervals below carry the others along); a shift of -10 or
        // -40 days lands one on another date's original, so "none is 2024-03-05" would fail about 1 run in 365.
        assertThat(dates).hasSize(3);
        assertThat(dates.get(0)).isNotEqualTo(LocalDate.parse("2024-03-05"));
        assertThat(dates.get(1).toEpochDay() - dates.get(0).toEpochDay()).isEqualTo(10);
        assertThat(dates.get(2).toEpochDay() - dates.get(0).toEpochDay()).isEqualTo(40);
    }

    @Test
    void yearModeKeepsOnlyTheYear() {
        String text = (String) run(NOTE, "year").resultMap().get("text");
        assertThat(text).contains("admitted on 2024 and discharged on 2024").doesNotContain("03-05");
    }

    @Test
    void chineseDocumentFile() {
        String zh = "姓名：王小明  住院号：ZY2024001823  身份证号：" + PhiGuardTest.RESIDENT_ID
                + "\n患者于2024年3月15日入院，联系电话13912345678，住址：浙江省杭州市西湖区文三路478号。";
        SkillRun run = SkillHarness.of(new DeidentifySkill()).pluginId("medical")
                .file("file", Media.ofText("note.txt", "text/plain", zh)).run();
        String text = (String) run.resultMap().get("text");
        assertThat(text).doesNotContain("王小明", "ZY2024001823", PhiGuardTest.RESIDENT_ID, "2024年3月15日", "13912345678", "文三路")
                .contains("浙江省", "[NAME_1]", "[ID_1]", "[MRN_1]");
        assertThat(run.resultMap().get("language")).isEqualTo("zh");
    }

    @Test
    void noTextNorFileIsABadInput() {
        SkillRun run = SkillHarness.of(new DeidentifySkill()).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class);
    }

    @Test
    void aCorruptPdfIsABadInput() {
        SkillRun run = SkillHarness.of(new DeidentifySkill())
                .file("file", Media.of("scan.pdf", "application/pdf", "%PDF-1.7 garbage".getBytes())).run();
        assertThat(run.error()).get().isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> { throw run.error().get(); }).hasMessageContaining("scan.pdf");
    }
}
