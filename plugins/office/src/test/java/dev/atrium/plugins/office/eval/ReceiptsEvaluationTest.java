package dev.atrium.plugins.office.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReceiptsEvaluationTest {

    @Test
    void addressTokenF1IgnoresPunctuationAndCase() {
        assertThat(ReceiptsEvaluation.tokenF1("NO.53, JALAN SAGU 18, JOHOR.", "No 53 Jalan Sagu 18 Johor")).isEqualTo(1.0);
    }

    @Test
    void addressTokenF1WeighsMissingAndExtraWords() {
        // 3 of 4 expected words found, 3 of 5 read words right: P = 0.6, R = 0.75.
        assertThat(ReceiptsEvaluation.tokenF1("JALAN SAGU 18 JOHOR", "TERA JALAN SAGU 18 JOHUR"))
                .isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-9));
        assertThat(ReceiptsEvaluation.tokenF1("JALAN SAGU", "")).isZero();
    }

    @Test
    void strictMatchStillFailsAnAddressOverOneComma() {
        assertThat(ReceiptsEvaluation.normalise("address", "NO.53 JALAN SAGU"))
                .isNotEqualTo(ReceiptsEvaluation.normalise("address", "NO,53 JALAN SAGU"));
    }
}
