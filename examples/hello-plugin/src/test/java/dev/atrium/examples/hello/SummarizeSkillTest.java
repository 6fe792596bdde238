package dev.atrium.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.model.Engine;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.List;
import org.junit.jupiter.api.Test;

// tag::summarize-tests[]
class SummarizeSkillTest {

    private static final String TEXT = "The library opens a new reading room in March. "
            + "The room has forty seats and long opening hours. "
            + "Parking near the library is limited on weekdays. "
            + "The reading room will host a monthly book club for new members.";

    @Test
    void offlineTheSummaryIsMadeOfTheTextsOwnSentences() {
        SkillRun run = SkillHarness.of(new SummarizeSkill()).value("text", TEXT).value("sentences", 2).run();

        assertThat(run.succeeded()).as("%s", run).isTrue();
        List<?> sentences = (List<?>) run.resultMap().get("sentences");
        assertThat(sentences).hasSize(2).allSatisfy(sentence -> assertThat(TEXT).contains((String) sentence));
        assertThat(((Engine) run.resultMap().get("engine")).kind()).isEqualTo(Engine.Kind.EMBEDDED);
    }

    @Test
    void withAModelTheModelWritesTheSummaryFromTheText() {
        FakeModelGateway model = new FakeModelGateway().onChat("A new reading room with forty seats opens in March.");

        SkillRun run = SkillHarness.of(new SummarizeSkill()).models(model).value("text", TEXT).run();

        assertThat(run.resultMap().get("summary")).isEqualTo("A new reading room with forty seats opens in March.");
        assertThat(run.resultMap().get("engine")).isEqualTo(FakeModelGateway.ENGINE);
        assertThat(model.lastChatRequest().toString()).contains("forty seats").contains("at most 3 sentences");
    }

    @Test
    void aMissingTextOrTooManySentencesIsABadInput() {
        // The platform checks inputs against the spec before run() is called; the harness does the same.
        assertThatThrownBy(() -> SkillHarness.of(new SummarizeSkill()).run())
                .isInstanceOf(BadInputException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> SkillHarness.of(new SummarizeSkill()).value("text", TEXT).value("sentences", 50).run())
                .isInstanceOf(BadInputException.class).hasMessageContaining("sentences");
    }
}
// end::summarize-tests[]
