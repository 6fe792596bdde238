package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerLeakGuardTest {

    private static AnswerLeakGuard guarding(String... values) {
        return new AnswerLeakGuard(java.util.Arrays.stream(values)
                .map(v -> new AnswerLeakGuard.Secret(new BigDecimal(v), "secret")).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"The answer is 72.", "So she sold 72 clips.", "That makes seventy-two clips altogether!",
            "seventy two", "Seventy-Two", "It's $72.", "72.0 clips", "72.00", "一共七十二个。", "答案是七十二。",
            "答案是 72 个夹子", "She sold 72clips", "The answer is 70 + 2.", "The total is 144/2.", "Is the answer 70 + 2?",
            "Is it 72?", "It's six dozen.", "７２", "Natalia sold 48 + 24 = 72 clips", "48+24 gives the total"})
    void blocksTheAnswerInAnyForm(String reply) {
        assertThat(guarding("72").check(reply)).as(reply).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"It is 0.5 of the cake.", "It is 1/2 of the cake.", "half of it", "one half", "50%",
            "fifty percent", "½", "a half", "2/4", "百分之五十", "二分之一", "一半", "It's .5"})
    void blocksEquivalentFractionsDecimalsAndPercentages(String reply) {
        assertThat(guarding("0.5").check(reply)).as(reply).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"It comes to 0.8 / 2.", "The total is 10.25 - 10.", "So 0.2 + 0.2 is it.", "It's 0.40"})
    void blocksDecimalExpressionsWhoseDecimalPointIsNoSentenceEnd(String reply) {
        assertThat(guarding("0.4", "0.25").check(reply)).as(reply).isNotEmpty();
    }

    @Test
    void blocksRoundedFormsOfARepeatingDecimal() {
        AnswerLeakGuard third = new AnswerLeakGuard(List.of(new AnswerLeakGuard.Secret(
                BigDecimal.ONE.divide(BigDecimal.valueOf(3), NumberMentions.PRECISION), "answer")));

        assertThat(third.check("about 0.33")).isNotEmpty();
        assertThat(third.check("roughly 33%")).isNotEmpty();
        assertThat(third.check("one third")).isNotEmpty();
        assertThat(third.check("1/3 of them")).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is 48 + 24?", "Work it out: 48 + 24 = ? What do you get?",
            "Natalia sold 48 clips in April. How many in May?", "Try adding 48 and 24.", "There are 720 pages.",
            "Think about 7 and 2.", "第一步你算对了。", "我们一起来做这道题。", "Count 71 or 73 of them.",
            "Step 2 needs the numbers 48 and 24."})
    void letsSafeRepliesThrough(String reply) {
        assertThat(guarding("72").check(reply)).as(reply).isEmpty();
    }

    @Test
    void intermediateResultsStillToBeFoundAreProtectedToo() {
        AnswerLeakGuard guard = guarding("72", "24");

        assertThat(guard.check("In May she sold twenty-four clips.")).extracting(l -> l.text()).containsExactly("twenty-four");
        assertThat(guard.check("She sold 48/2 clips in May.")).isNotEmpty();
    }

    @Test
    void redactKeepsTheSafeSentencesOfALeakingReply() {
        AnswerLeakGuard guard = guarding("72");

        assertThat(guard.redact("Great effort! The answer is 72. What did you do first with the 48 clips?"))
                .hasValue("Great effort! What did you do first with the 48 clips?");
        assertThat(guard.redact("The answer is 72.")).isEmpty();
    }

    /** Property: whatever the answer, every way of writing it is caught, and other numbers are not. */
    @Test
    void anyAnswerWrittenAnyWayIsCaughtAndNeighboursAreNot() {
        Random random = new Random(2026);
        List<LongFunction<String>> forms = List.of(
                n -> "The answer is " + n + ".",
                n -> "So that's " + String.format("%,d", n) + " altogether.",
                n -> "She has $" + n + " left.",
                n -> "It comes to " + n + ".00 dollars.",
                n -> "That makes " + NumberWords.english(n, true, true) + " apples!",
                n -> "That makes " + NumberWords.english(n, false, false) + " apples!",
                n -> "So " + NumberWords.english(n, true, false).toUpperCase() + " it is.",
                n -> "答案是" + NumberWords.chinese(n) + "个。",
                n -> "一共" + n + "元。",
                n -> "The answer is " + (n + 9) + " - 9.",
                n -> "The total is " + (2 * n) + " / 2.");
        for (int i = 0; i < 3000; i++) {
            long n = 1 + random.nextInt(i < 1500 ? 1000 : 999_999);
            AnswerLeakGuard guard = guarding(Long.toString(n));
            String leak = forms.get(random.nextInt(forms.size())).apply(n);
            long other = n + 1 + random.nextInt(50);
            String safe = "Is it more than " + other + "? Think about " + NumberWords.english(other, true, true)
                    + " or " + NumberWords.chinese(other) + ".";

            assertThat(guard.check(leak)).as(leak).isNotEmpty();
            assertThat(guard.check(safe)).as(safe).isEmpty();
        }
    }
}
