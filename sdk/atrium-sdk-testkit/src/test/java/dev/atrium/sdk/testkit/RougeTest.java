package dev.atrium.sdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RougeTest {

    @Test
    void scoresOneWordSwapByHand() {
        // 5 of 6 unigrams shared ("the" twice); bigrams "the cat", "on the", "the mat" = 3 of 5; LCS 5 of 6.
        Rouge.Scores s = Rouge.score("The cat sat on the mat.", "the cat is on the mat");

        assertThat(s.rouge1()).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(s.rouge2()).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(s.rougeL()).isCloseTo(5.0 / 6, within(1e-9));
    }

    @Test
    void weighsPrecisionAndRecallWhenLengthsDiffer() {
        // Candidate a b c inside reference a x b y c z: P = 1, R = 1/2 for unigrams and LCS; no bigram shared.
        Rouge.Scores s = Rouge.score("a b c", "a x b y c z");

        assertThat(s.rouge1()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(s.rouge2()).isZero();
        assertThat(s.rougeL()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void clipsRepeatedWordsToTheirCountInTheReference() {
        // "the the the the" against "the cat": overlap 1, P = 1/4, R = 1/2, F = 1/3.
        assertThat(Rouge.score("the the the the", "the cat").rouge1()).isCloseTo(1.0 / 3, within(1e-9));
    }

    @Test
    void lowerCasesAndSplitsOnPunctuation() {
        assertThat(Rouge.tokens("Hello, WORLD! It's 2026-11-28.")).containsExactly("hello", "world", "it", "s",
                "2026", "11", "28");
        assertThat(Rouge.score("Hello, world!", "hello world").rougeL()).isEqualTo(1.0);
    }

    @Test
    void scoresNothingForAnEmptyCandidate() {
        Rouge.Scores s = Rouge.score("", "the cat");

        assertThat(s.rouge1()).isZero();
        assertThat(s.rouge2()).isZero();
        assertThat(s.rougeL()).isZero();
    }

    @Test
    void findsTheLongestCommonSubsequence() {
        assertThat(Rouge.lcs(Rouge.tokens("a b c d e"), Rouge.tokens("b x d e a"))).isEqualTo(3);
    }
}
