package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhiGuardTest {

    /** A valid resident ID: 11010519491231002X has the right ISO 7064 check character. */
    static final String RESIDENT_ID = "11010519491231002X";

    private static String guarded(String text) {
        return PhiGuard.guard(text, List.of(), new PhiMapping());
    }

    private static Map<PhiType, List<String>> found(String text) {
        return PhiGuard.find(text, List.of()).stream()
                .collect(Collectors.groupingBy(PhiSpan::type, Collectors.mapping(PhiSpan::text, Collectors.toList())));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "NAME|Seen today with Mr. Harold Becker for knee pain.|Harold Becker",
            "NAME|Patient name: Olivia Grant|Olivia Grant",
            "NAME|The patient, Brian White, reports fatigue.|Brian White",
            "NAME|Keiko Whitfield called about her refill.|Keiko Whitfield",
            "NAME|Nadia Castellano from the pharmacy will fax it.|Nadia Castellano",
            "NAME|Hello Aurelio, how is the knee?|Aurelio",
            "NAME|My husband Dmitri Petrov drove me here.|Dmitri Petrov",
            "DATE|He was admitted on 03/14/2024 with chest pain.|03/14/2024",
            "DATE|Last colonoscopy was on January 5, 2021.|January 5, 2021",
            "DATE|Seen by cardiology on 2023-11-02 for follow up.|2023-11-02",
            "DATE|I saw her on january tenth two thousand nine.|january tenth two thousand nine",
            "AGE|A 93-year-old woman presents with a fall.|93",
            "PHONE|Call her daughter at (617) 555-0142 tonight.|(617) 555-0142",
            "FAX|Send the records by fax to 617-555-0199 please.|617-555-0199",
            "EMAIL|Her e-mail is o.grant@example.org for results.|o.grant@example.org",
            "URL|Portal: https://portal.example-clinic.org/patient/8812 shows it.|https://portal.example-clinic.org/patient/8812",
            "IP|Uploaded from 192.168.14.201 by the device.|192.168.14.201",
            "SSN|SSN 123-45-6789 on file.|123-45-6789",
            "MRN|MRN: 00483921, admitted to ward 4.|00483921",
            "ACCOUNT|Account number 7731-220-19 billed.|7731-220-19",
            "LICENSE|Driver's license number D1234567 verified.|D1234567",
            "DEVICE|Pacemaker serial number PM88421X checked.|PM88421X",
            "VEHICLE|Vehicle VIN 1HGCM82633A004352 at the scene.|1HGCM82633A004352",
            "ADDRESS|She lives at 42 Willow Creek Road, Apt 3B with her husband.|42 Willow Creek Road, Apt 3B",
            "ZIP|Home is Springfield, IL 62704 near the river.|62704",
            "ADDRESS|Home is Springfield, IL 62704 near the river.|Springfield",
    })
    void findsEachEnglishIdentifierType(PhiType type, String text, String identifier) {
        assertThat(found(text).get(type)).as(text).contains(identifier);
        assertThat(guarded(text)).doesNotContain(identifier).contains("[" + type.name() + "_1]");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "NAME|姓名：王小明，男，45岁。|王小明",
            "NAME|患者张伟因胸痛2小时来诊。|张伟",
            "NAME|李医生建议复查心电图。|李",
            "ID|身份证号：" + RESIDENT_ID + "。|" + RESIDENT_ID,
            "MRN|住院号：ZY2024001823，床号12。|ZY2024001823",
            "MRN|病历号 88213490 已归档。|88213490",
            "PHONE|联系电话：13912345678。|13912345678",
            "PHONE|座机 010-62751234 可联系家属。|010-62751234",
            "FAX|传真：021-64041990|021-64041990",
            "DATE|于2024年3月15日入院。|2024年3月15日",
            "DATE|3月20日复查血常规。|3月20日",
            "AGE|患者92岁，女性。|92",
            "ADDRESS|住址：浙江省杭州市西湖区文三路478号3单元。|杭州市西湖区文三路478号3单元",
            "ZIP|邮编：310013|310013",
            "ACCOUNT|医保卡号：330106198812345678|330106198812345678",
            "VEHICLE|车牌号浙A12345停在楼下。|浙A12345",
            "EMAIL|邮箱 wangxm@example.cn 接收报告。|wangxm@example.cn",
    })
    void findsEachChineseIdentifierType(PhiType type, String text, String identifier) {
        assertThat(found(text).get(type)).as(text).contains(identifier);
        assertThat(guarded(text)).doesNotContain(identifier);
    }

    @Test
    void keepsTheProvinceOfAChineseAddressAndTheStateOfAnAmericanOne() {
        assertThat(guarded("住址：浙江省杭州市西湖区文三路478号")).contains("浙江省").doesNotContain("文三路");
        assertThat(guarded("Home is Springfield, IL 62704.")).contains("IL").doesNotContain("62704");
    }

    @Test
    void bodySystemsAndHeadingsAreNotNames() {
        String note = "• Gastrointestinal: Endorses bloating.\n• Neck: JVD 8 cm.\n• Gastrointestinal: No vomiting.\n"
                + "• Neck: Supple.\nHEENT: Normocephalic.\nAssessment: Stable.\nPlan: Continue Lasix.";
        assertThat(PhiGuard.find(note, List.of())).isEmpty();
    }

    @Test
    void keepsClinicalNumbersThatAreNotIdentifiers() {
        String text = "BP 132/84, HR 88, 3/6 systolic murmur, potassium 6.9 mmol/L, age 58, lisinopril 20 mg in 2019.";
        assertThat(PhiGuard.find(text, List.of())).isEmpty();
    }

    @Test
    void aResidentIdWithAWrongCheckCharacterIsNotTakenForOneWithoutACue() {
        assertThat(PhiGuard.residentIdValid(RESIDENT_ID)).isTrue();
        assertThat(PhiGuard.residentIdValid("110105194912310021")).isFalse();
    }

    @Test
    void sameValueGetsTheSamePlaceholderAndReidentifyPutsItBack() {
        PhiMapping mapping = new PhiMapping();
        String text = "Dr. Chen saw Olivia Grant. Olivia reports pain. Call 617-555-0142.";
        String out = PhiGuard.guard(text, List.of(), mapping);
        assertThat(out).doesNotContain("Olivia", "Grant", "Chen", "617-555-0142");
        assertThat(mapping.reidentify(out)).isEqualTo(text);
        assertThat(mapping.counts()).containsEntry("PHONE", 1);
    }

    @Test
    void namesFromSpeakerLabelsAndPatientContextAreRemovedEverywhere() {
        String dialogue = """
                Dr Patel: Good morning. How is the cough?
                Maria: Still there. My son Kevin says I cough at night.
                Dr Patel: Any fever?
                Maria: No.
                """;
        String out = PhiGuard.guard(dialogue, List.of("Maria Lopez"), new PhiMapping());
        assertThat(out).doesNotContain("Maria", "Patel", "Kevin");
        assertThat(out).contains("cough", "fever");
    }

    @Test
    void lowerCaseTranscriptNamesFromTheGivenNameList() {
        String out = guarded("[doctor] hi , brian . how are you ?\n[patient] hi , good to see you .");
        assertThat(out).doesNotContain("brian").contains("[NAME_1]");
    }

    @Test
    void identifiersInTableRowsAreFound() {
        String csv = "name,mrn,phone,dob\nHarold Becker,00483921,617-555-0142,04/02/1951\n";
        String out = PhiGuard.guard(csv, List.of(), new PhiMapping());
        assertThat(out).doesNotContain("Harold", "Becker", "00483921", "617-555-0142", "04/02/1951");
    }

    @Test
    void recallOnASeededClinicalNoteIsComplete() {
        String note = """
                Patient: Harold Becker   MRN: 00483921   DOB: 04/02/1931
                Address: 42 Willow Creek Road, Springfield, IL 62704. Phone (617) 555-0142, fax 617-555-0199.
                Mr. Becker is a 94-year-old man seen on March 3, 2024 by Dr. Susan Hall. E-mail h.becker@example.org.
                Insurance id: HX-99321-7. Pacemaker serial number PM88421X.
                """;
        List<String> seeded = List.of("Harold", "Becker", "00483921", "04/02/1931", "42 Willow Creek Road", "Springfield",
                "62704", "(617) 555-0142", "617-555-0199", "94", "March 3, 2024", "Susan Hall", "h.becker@example.org",
                "HX-99321-7", "PM88421X");
        String out = guarded(note);
        List<String> leaked = seeded.stream().filter(out::contains).toList();
        assertThat(leaked).as("identifiers left in " + out).isEmpty();
        assertThat(out).contains("IL", "pacemaker".substring(1));
    }
}
