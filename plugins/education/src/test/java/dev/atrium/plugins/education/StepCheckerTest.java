package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StepCheckerTest {

    private final StepChecker checker = new StepChecker();

    @ParameterizedTest
    @ValueSource(strings = {"3 × 4 = 12", "3x4=12", "3 * 4 = 12", "three times four is twelve", "12+5=17",
            "1/2 of 24 is 12", "half of 24 is 12", "50% of 80 = 40", "fifty percent of 80 equals 40",
            "0.5 × 24 = 12", "½ × 24 = 12", "48/2 = 24", "48 ÷ 2 = 24", "$12 / 60 = $0.2", "12/60 = 0.20",
            "10/3 = 3.33", "1,200 - 200 = 1,000", "四乘以三等于十二", "二十四的一半是十二", "3·4 = 12",
            "100 - 50 - 30 - 15 = 5", "(2 + 3) × 4 = 20", "3*4 = 12 + 5 = 17", "2/4 = 1/2 = 0.5 = 50%",
            "twenty-one minus nine is 12", "3 quarters of 100 is 75"})
    void acceptsCorrectStepsInEquivalentForms(String step) {
        List<StepChecker.Step> steps = checker.check(step);

        assertThat(steps).as(step + " → " + Arithmetic.normalize(step)).hasSize(1);
        assertThat(steps.get(0).correct()).as(steps.get(0).text()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12+5=18", "3 × 4 = 13", "1/2 of 24 is 14", "48/2 = 25", "10/3 = 3.4", "50% of 80 = 45",
            "四乘以三等于十三", "twenty-one minus nine is eleven", "3*4 = 12 + 5 = 18", "0.2 x 50 = 100"})
    void rejectsWrongSteps(String step) {
        List<StepChecker.Step> steps = checker.check(step);

        assertThat(steps).as(Arithmetic.normalize(step)).hasSize(1);
        assertThat(steps.get(0).correct()).as(steps.get(0).text()).isFalse();
    }

    @Test
    void locatesTheFirstWrongStepAmongSeveral() {
        List<StepChecker.Step> steps = checker.check("First 48/2 = 24. Then 48 + 24 = 70. So 70 clips.");

        assertThat(steps).hasSize(2);
        assertThat(StepChecker.firstWrong(steps)).isEqualTo(1);
        assertThat(steps.get(1).value()).isEqualByComparingTo("72");
        assertThat(steps.get(1).claimed()).isEqualByComparingTo("70");
    }

    @Test
    void checksAnAssignmentAgainstTheKnownUnknown() {
        StepChecker withX = new StepChecker(Map.of("x", new BigDecimal("7")));

        assertThat(withX.check("x = 7")).singleElement().extracting(StepChecker.Step::correct).isEqualTo(true);
        assertThat(withX.check("I think x = 8")).singleElement().extracting(StepChecker.Step::correct).isEqualTo(false);
        assertThat(withX.check("2x + 3 = 17")).singleElement().extracting(StepChecker.Step::correct).isEqualTo(true);
        assertThat(withX.check("2x = 15")).singleElement().extracting(StepChecker.Step::correct).isEqualTo(false);
    }

    @Test
    void ignoresTextWithoutEquations() {
        assertThat(checker.check("I think we should divide, is that right?")).isEmpty();
        assertThat(checker.check("She has 12 apples and 5 pears")).isEmpty();
    }
}
