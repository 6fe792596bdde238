package dev.atrium.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsPlainEnglishAtFullStopsQuestionAndExclamationMarks() {
        assertThat(splitter.split("We met on Monday. Did it go well? It did!  Next steps follow."))
                .containsExactly("We met on Monday.", "Did it go well?", "It did!", "Next steps follow.");
    }

    @Test
    void keepsTitlesAndLatinAbbreviationsInsideTheSentence() {
        assertThat(splitter.split("Dr. Smith met Mrs. Jones at 5 p.m. on Friday. They talked, e.g. about the "
                + "budget, i.e. money. See Fig. 3 for details."))
                .containsExactly("Dr. Smith met Mrs. Jones at 5 p.m. on Friday.",
                        "They talked, e.g. about the budget, i.e. money.", "See Fig. 3 for details.");
    }

    @Test
    void doesNotSplitDecimalsVersionsInitialsOrAddresses() {
        assertThat(splitter.split("Growth was 3.5 percent in v2.1 of the plan by J. R. Miller. Mail ops@example.com now."))
                .containsExactly("Growth was 3.5 percent in v2.1 of the plan by J. R. Miller.", "Mail ops@example.com now.");
    }

    @Test
    void treatsAnEllipsisAsAPauseUnlessANewSentenceStarts() {
        assertThat(splitter.split("Well... we could try again. I waited… Then it worked."))
                .containsExactly("Well... we could try again.", "I waited…", "Then it worked.");
    }

    @Test
    void keepsClosingQuotesWithTheirSentence() {
        assertThat(splitter.split("He said \"Stop.\" Then he left. \"Is it done?\" she asked. (It was.) Fine."))
                .containsExactly("He said \"Stop.\"", "Then he left.", "\"Is it done?\" she asked.", "(It was.)", "Fine.");
    }

    @Test
    void splitsChineseAtFullWidthTerminatorsWithoutSpaces() {
        assertThat(splitter.split("今天开会。预算批准了吗？批准了！下一步：准备发布；然后通知客户……好的。"))
                .containsExactly("今天开会。", "预算批准了吗？", "批准了！", "下一步：准备发布；", "然后通知客户……", "好的。");
    }

    @Test
    void keepsChineseClosingQuotesWithTheirSentence() {
        assertThat(splitter.split("他说：“我们明天开会。”然后离开了。「好的。」她回答。"))
                .containsExactly("他说：“我们明天开会。”", "然后离开了。", "「好的。」", "她回答。");
    }

    @Test
    void splitsMixedChineseAndEnglish() {
        assertThat(splitter.split("我们使用 Spring Boot 4.0 开发。It works well. 性能很好！Dr. Wang agrees."))
                .containsExactly("我们使用 Spring Boot 4.0 开发。", "It works well.", "性能很好！", "Dr. Wang agrees.");
    }

    @Test
    void endsSentencesAtBlankLinesAndJoinsWrappedLines() {
        assertThat(splitter.split("Agenda\n\nThe launch moves\nto March because of the\nbattery delay.\n"
                + "Budget unchanged\n今天的会议讨论\n发布时间。"))
                .containsExactly("Agenda", "The launch moves to March because of the battery delay.",
                        "Budget unchanged", "今天的会议讨论发布时间。");
    }

    @Test
    void returnsNothingForBlankText() {
        assertThat(splitter.split("  \n ")).isEmpty();
        assertThat(splitter.split(null)).isEmpty();
    }
}
