package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabResultsTest {

    @Test
    void everyBuiltInTestIsKnownByItsCommonNames() {
        for (String name : List.of("Na", "K", "Cl", "glucose", "creatinine", "BUN", "Hb", "WBC", "platelets", "ALT",
                "AST", "total bilirubin", "TSH", "troponin I", "INR", "CRP", "血钾", "肌酐", "血红蛋白")) {
            assertThat(LabTest.byName(name)).as(name).isPresent();
        }
    }

    @Test
    void flagsNormalHighLowAndCritical() {
        List<LabResults.Lab> labs = LabResults.fromText("""
                Na 139 mmol/L
                K 6.9 mmol/L
                Hb 95 g/L
                WBC 14.2 10^9/L
                """, "female", "labsText");
        assertThat(labs).extracting(LabResults.Lab::flag).containsExactly("normal", "critical", "low", "high");
        assertThat(labs.get(1).critical()).isEqualTo("high");
        assertThat(DraftChecks.alerts(labs, false)).singleElement().asString().contains("Potassium 6.9 mmol/L");
    }

    @Test
    void convertsConventionalUnitsToTheReportingUnit() {
        LabResults.Lab glucose = LabResults.lab("Glucose", "126", "mg/dL", "", "", "labs");
        assertThat(glucose.value()).isEqualTo(6.99);
        assertThat(glucose.unit()).isEqualTo("mmol/L");
        assertThat(glucose.flag()).isEqualTo("high");
        LabResults.Lab creatinine = LabResults.lab("Creatinine", "1.0", "mg/dL", "", "male", "labs");
        assertThat(creatinine.value()).isEqualTo(88.4);
        assertThat(creatinine.flag()).isEqualTo("normal");
        LabResults.Lab troponin = LabResults.lab("hs-cTnT", "0.09", "ng/mL", "", "", "labs");
        assertThat(troponin.value()).isEqualTo(90.0);
        assertThat(troponin.flag()).isEqualTo("critical");
    }

    @Test
    void aRangeGivenWithTheDataOverridesTheBuiltInOne() {
        assertThat(LabResults.lab("K", "5.3", "mmol/L", "", "", "labs").flag()).isEqualTo("high");
        assertThat(LabResults.lab("K", "5.3", "mmol/L", "3.5-5.5", "", "labs").flag()).isEqualTo("normal");
        assertThat(LabResults.lab("Ferritin", "8", "ng/mL", "15-150", "", "labs").flag()).isEqualTo("low");
        assertThat(LabResults.lab("Ferritin", "8", "ng/mL", "", "", "labs").flag()).isEqualTo("unflagged");
    }

    @Test
    void sexSpecificRangesApply() {
        assertThat(LabResults.lab("Hb", "125", "g/L", "", "female", "labs").flag()).isEqualTo("normal");
        assertThat(LabResults.lab("Hb", "125", "g/L", "", "male", "labs").flag()).isEqualTo("low");
    }

    @Test
    void readsCsvWithAHeaderAndChineseRows() {
        List<LabResults.Lab> csv = LabResults.fromText("test,value,unit,range\nSodium,118,mmol/L,135-145\nINR,1.1,,\n",
                "", "labsText");
        assertThat(csv).extracting(LabResults.Lab::flag).containsExactly("critical", "normal");
        List<LabResults.Lab> zh = LabResults.fromText("血钾 2.3 mmol/L\n血红蛋白 130 g/L", "male", "labsText");
        assertThat(zh).extracting(LabResults.Lab::test).containsExactly("Potassium", "Hemoglobin");
        assertThat(zh.get(0).critical()).isEqualTo("low");
    }

    @Test
    void anUnknownUnitIsABadInputNamingTheRow() {
        assertThatThrownBy(() -> LabResults.fromText("K 6.9 furlongs", "", "labsText"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown unit 'furlongs'")
                .hasMessageContaining("mmol/L");
        assertThatThrownBy(() -> LabResults.fromText("potassium is high", "", "labsText"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("row 1");
    }
}
