package dev.atrium.plugins.medical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NegationTest {

    @Test
    void aNegatedFindingWrittenAsPresentIsAViolation() {
        assertThat(Negation.violations("Pneumothorax.", "No pneumothorax. Small left pleural effusion."))
                .singleElement().extracting(Negation.Violation::term).isEqualTo("pneumothorax");
        assertThat(Negation.violations("The patient reports chest pain.", "He denies chest pain but has abdominal pain."))
                .isNotEmpty();
        assertThat(Negation.violations("Fever.", "Patient: no fevers or chills.")).isNotEmpty();
    }

    @Test
    void anUncertainFindingWrittenAsCertainIsAViolation() {
        assertThat(Negation.violations("Pneumonia in the right lower lobe.", "Cannot exclude pneumonia in the right lower lobe."))
                .singleElement().extracting(Negation.Violation::source).isEqualTo(Negation.Assertion.UNCERTAIN);
    }

    @Test
    void preservedNegationsAndAffirmedFindingsPass() {
        assertThat(Negation.violations("No pneumothorax.", "No pneumothorax.")).isEmpty();
        assertThat(Negation.violations("Denies chest pain.", "Do you have chest pain? No.")).isEmpty();
        assertThat(Negation.violations("Small left pleural effusion.", "No pneumothorax. Small left pleural effusion.")).isEmpty();
        assertThat(Negation.violations("Cough for two weeks.", "I have had a cough for two weeks, no fever.")).isEmpty();
    }

    @Test
    void chineseNegationAndUncertaintyCues() {
        assertThat(Negation.violations("双肺见结节。", "双肺未见结节。")).isNotEmpty();
        assertThat(Negation.violations("患者胸痛。", "患者否认胸痛。")).isNotEmpty();
        assertThat(Negation.violations("右下肺炎症。", "右下肺炎症不除外。")).isNotEmpty();
        assertThat(Negation.violations("无发热。", "患者无发热，有咳嗽。")).isEmpty();
        assertThat(Negation.violations("有咳嗽。", "患者无发热，有咳嗽。")).isEmpty();
    }
}
