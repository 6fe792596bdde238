package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class HintLadderTest {

    private static final ReferenceSolution.Step MAY = new ReferenceSolution.Step("48/2", new BigDecimal("24"),
            "Natalia sold 48/2 = 24 clips in May.");

    private static AnswerLeakGuard guarding(String... values) {
        return new AnswerLeakGuard(java.util.Arrays.stream(values)
                .map(v -> new AnswerLeakGuard.Secret(new BigDecimal(v), v)).toList());
    }

    @Test
    void climbsFromANudgeToTheNearCompleteStep() {
        AnswerLeakGuard guard = guarding("72", "24");

        assertThat(HintLadder.hint(MAY, 1, true, guard, false))
                .isEqualTo("Think about this part: \"Natalia sold … clips in May.\" What do you think you need to work out first?");
        assertThat(HintLadder.hint(MAY, 2, true, guard, false))
                .isEqualTo("The numbers you need for this step are 48 and 2. How should you combine them?");
        assertThat(HintLadder.hint(MAY, 3, true, guard, false)).isEqualTo("Try dividing 48 by 2.");
        assertThat(HintLadder.hint(MAY, 4, true, guard, false)).isEqualTo("Work it out: 48 / 2 = ? What do you get?");
        assertThat(HintLadder.hint(MAY, 3, true, guard, true)).isEqualTo("试着用 48 除以 2，你会得到多少？");
        for (int rung = 1; rung <= HintLadder.TOP; rung++) {
            assertThat(guard.check(HintLadder.hint(MAY, rung, true, guard, false))).isEmpty();
            assertThat(guard.check(HintLadder.hint(MAY, rung, true, guard, true))).isEmpty();
        }
    }

    @Test
    void namesAGivenThatIsAlsoTheAnswerByWhatItCounts() {
        ReferenceSolution.Step shorts = new ReferenceSolution.Step("5*7", new BigDecimal("35"),
                "She bought 5 shorts at $7 each so 5*7=$35");
        AnswerLeakGuard guard = guarding("5", "35");
        String problem = "For $75 she bought 5 shorts for $7 each and 4 tops. How much did each top cost?";

        assertThat(HintLadder.hint(shorts, 3, true, guard, false, problem))
                .isEqualTo("Try multiplying the number of shorts and 7.");
        assertThat(HintLadder.hint(shorts, 4, true, guard, false, problem))
                .isEqualTo("Work it out: the number of shorts × 7 = ? What do you get?");
    }

    @Test
    void operandsAreTheExpressionsNumbersOnce() {
        assertThat(HintLadder.operands("100-50-30-15")).isEqualTo(List.of("100", "50", "30", "15"));
        assertThat(HintLadder.operands("24+24")).isEqualTo(List.of("24"));
        assertThat(HintLadder.display("0.2*50")).isEqualTo("0.2 × 50");
    }
}
