package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionTest {

    /** Tuesday 24 November 2026. */
    private static final LocalDate MEETING = LocalDate.of(2026, 11, 24);

    private static Extraction.Found extract(String transcript) {
        return Extraction.extract(Transcripts.fromText(transcript), MEETING, () -> { });
    }

    @Test
    void namedOwnersComeFromActionItemLabelsAndAddressedRequests() {
        Extraction.Found found = extract("""
                Ann: Action item: Bob to update the wiki by Monday.
                Ann: Maria, please send the budget by the end of the week.
                Bob: Someone needs to check the licences.
                """);

        assertThat(found.actionItems()).extracting(Extraction.ActionItem::owner).containsExactly("Bob", "Maria", null);
        assertThat(found.actionItems()).extracting(Extraction.ActionItem::due)
                .containsExactly(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 11, 27), null);
    }

    @Test
    void aShortAgreementConfirmsThePreviousProposalAsADecision() {
        Extraction.Found found = extract("""
                Ann: How about moving the retro to Thursdays?
                Ben: Thursdays at ten would work for the whole team.
                Ann: Agreed.
                """);

        assertThat(found.decisions()).singleElement().satisfies(d -> {
            assertThat(d.text()).isEqualTo("Thursdays at ten would work for the whole team.");
            assertThat(d.quote()).contains("Ben: Thursdays at ten", "Ann: Agreed.");
        });
        assertThat(found.openQuestions()).isEmpty();
    }

    @Test
    void chineseAgreementAndQuestionsAreFound() {
        Extraction.Found found = extract("""
                张三：我们下个版本用新的登录页面，怎么样？
                李四：新的登录页面已经测过了。
                王五：同意。
                李四：预算谁来批呢？
                """);

        assertThat(found.decisions()).singleElement().satisfies(d -> assertThat(d.text()).contains("登录页面"));
        assertThat(found.openQuestions()).containsExactly("预算谁来批呢？");
    }

    @Test
    void plainStatementsAreNeitherDecisionsNorTasks() {
        Extraction.Found found = extract("""
                Ann: The numbers look better than last quarter.
                Ben: Sales in Europe grew by ten percent.
                """);

        assertThat(found.decisions()).isEmpty();
        assertThat(found.actionItems()).isEmpty();
        assertThat(found.openQuestions()).isEmpty();
    }

    @Test
    void turnsFollowLabelsAndUnlabelledLinesContinueTheTurn() {
        List<Turn> turns = Transcripts.fromText("""
                [00:00:05] Ann: First point.
                and a second line
                Ben Li: Reply here.
                张三：中文发言。
                """);

        assertThat(turns).extracting(Turn::speaker).containsExactly("Ann", "Ben Li", "张三");
        assertThat(turns.get(0).text()).isEqualTo("First point. and a second line");
        assertThat(turns.get(2).text()).isEqualTo("中文发言。");
    }
}
