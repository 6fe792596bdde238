package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.documents.DocumentLimits;
import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.document.Table;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every identifier type, in English and Chinese, in running text and in a table of a prior report: none of them
 * may be in anything the (fake) remote model receives.
 */
class PhiNeverReachesTheModelTest {

    /** Identifier type → value, as they appear in the English material. */
    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("NAME", "Marisol Okafor"), Map.entry("DATE", "04/17/2024"), Map.entry("AGE", "96-year-old"),
            Map.entry("PHONE", "(415) 555-0187"), Map.entry("FAX", "415-555-0190"), Map.entry("EMAIL", "m.okafor@example.net"),
            Map.entry("URL", "https://portal.example-health.org/p/5521"), Map.entry("IP", "10.20.30.40"),
            Map.entry("SSN", "321-54-9876"), Map.entry("MRN", "77120458"), Map.entry("ACCOUNT", "HX-55210-3"),
            Map.entry("LICENSE", "D7712045"), Map.entry("DEVICE", "PM55210X"), Map.entry("VEHICLE", "1HGCM82633A004352"),
            Map.entry("ADDRESS", "18 Harbor View Drive"), Map.entry("ZIP", "94110"));

    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("NAME", "刘海燕"), Map.entry("ID", PhiGuardTest.RESIDENT_ID), Map.entry("MRN", "ZY2024556677"),
            Map.entry("PHONE", "13812345678"), Map.entry("FAX", "021-64041990"), Map.entry("DATE", "2024年5月6日"),
            Map.entry("AGE", "93岁"), Map.entry("ADDRESS", "杭州市西湖区文三路478号"), Map.entry("ACCOUNT", "330106198812345678"),
            Map.entry("VEHICLE", "浙A12345"), Map.entry("EMAIL", "liuhy@example.cn"));

    private static final String ENGLISH_TEXT = """
            Doctor: Good morning. I have the chart of Marisol Okafor here, MRN 77120458, seen on 04/17/2024.
            Patient: Yes. I'm a 96-year-old widow. My phone is (415) 555-0187, fax 415-555-0190, e-mail m.okafor@example.net.
            Doctor: The portal https://portal.example-health.org/p/5521 logged you in from 10.20.30.40.
            Patient: My SSN 321-54-9876 and account number HX-55210-3 are on file. Driver's license number D7712045.
            Doctor: Your pacemaker serial number PM55210X was checked. Vehicle VIN 1HGCM82633A004352 is in the lot.
            Patient: I live at 18 Harbor View Drive, San Francisco, CA 94110.
            Doctor: Any chest pain?
            Patient: No.
            """;

    private static final String CHINESE_TEXT = """
            医生：刘海燕，您好。您的住院号是ZY2024556677，身份证号%s。
            患者：是的，我今年93岁，2024年5月6日开始胸闷。电话13812345678，传真：021-64041990。
            医生：住址是哪里？
            患者：住址：浙江省杭州市西湖区文三路478号。医保卡号：330106198812345678，车牌号浙A12345，邮箱 liuhy@example.cn。
            医生：有没有发热？
            患者：没有。
            """.formatted(PhiGuardTest.RESIDENT_ID);

    private static final OfficeDocumentKit KIT = new OfficeDocumentKit(DocumentLimits.DEFAULTS, (m, l) -> {
        throw new IllegalStateException("no OCR");
    });

    private static String sent(String source, Map<String, String> identifiers, String language) {
        List<List<Object>> rows = new ArrayList<>();
        identifiers.forEach((type, value) -> rows.add(List.of(type, value)));
        Media prior = KIT.writeDocx("prior.docx", new DocumentContent("Prior report", List.of(
                new Block.Paragraph("Patient identifiers on file:"),
                new Block.TableBlock(new Table("identifiers", List.of("Field", "Value"), rows))), "", ""));
        FakeModelGateway models = new FakeModelGateway().onStructured(new ReportDraftAnswer(List.of()));
        SkillHarness.of(new DraftReportSkill()).pluginId("medical").value("source", source).value("language", language)
                .file("priorReports", prior).models(models).run().resultMap();
        assertThat(models.chatRequests()).hasSize(1);
        return models.chatRequests().stream().flatMap(r -> r.messages().stream()).map(ChatMessage::text)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void noEnglishIdentifierInTextOrTableReachesTheModel() {
        String sent = sent(ENGLISH_TEXT, ENGLISH, "en");
        ENGLISH.forEach((type, value) -> assertThat(sent).as(type + " sent to the model").doesNotContain(value));
        assertThat(sent).doesNotContain("Marisol", "Okafor").contains("chest pain", "[NAME_1]", "[MRN_1]", "CA");
    }

    @Test
    void noChineseIdentifierInTextOrTableReachesTheModel() {
        String sent = sent(CHINESE_TEXT, CHINESE, "zh");
        CHINESE.forEach((type, value) -> assertThat(sent).as(type + " sent to the model").doesNotContain(value));
        assertThat(sent).doesNotContain("海燕").contains("发热", "浙江省");
    }
}
