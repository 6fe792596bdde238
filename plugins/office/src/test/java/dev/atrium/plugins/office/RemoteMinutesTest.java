package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoteMinutesTest {

    private static final String MEETING = "2026-11-24";

    private static final String TRANSCRIPT = """
            Alice: Let's pick the database for the new billing service.
            Bob: Postgres fits, we already run it for orders.
            Alice: Fine, Postgres it is.
            Bob: I'll write the migration plan by Friday.
            Carol: Do we need a read replica?
            """;

    private static final MinutesDraft DRAFT = new MinutesDraft(
            "The team chose Postgres for billing.",
            List.of(new MinutesDraft.Topic("Billing database", "Postgres was chosen.", 1, 4)),
            List.of(new MinutesDraft.Decision("Use Postgres for the billing service", 3, "Fine, Postgres it is.")),
            List.of(new MinutesDraft.ActionItem("Write the migration plan", "Bob", "by Friday", 4, "I'll write the migration plan"),
                    new MinutesDraft.ActionItem("Review the plan", "Alice", "2026-12-01", null, "write the migration plan by Friday"),
                    new MinutesDraft.ActionItem("Order new servers", "Dan", "", 99, "we will buy servers")),
            List.of(new MinutesDraft.OpenQuestion("Do we need a read replica?", 5)));

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    @Test
    void structuredModelDraftsTheMinutesAndEveryItemQuotesItsTurn() {
        FakeModelGateway models = new FakeModelGateway().onStructured(DRAFT);

        SkillRun run = SkillHarness.of(new MinutesSkill()).models(models)
                .value("transcript", TRANSCRIPT).value("date", MEETING).value("detail", "brief").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        models.assertSent("summary: 1-2 sentences");
        Map<String, Object> result = run.resultMap();
        assertThat(result).containsEntry("engine", "fake/fake-model")
                .containsEntry("summary", "The team chose Postgres for billing.");
        assertThat(result.get("attendees")).isEqualTo(List.of("Alice", "Bob", "Carol"));
        assertThat(list(result, "topics")).singleElement().satisfies(t -> assertThat(t)
                .containsEntry("title", "Billing database").containsEntry("source", "turns 1–4"));
        assertThat(list(result, "decisions")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("text", "Use Postgres for the billing service")
                .containsEntry("quote", "Alice: Fine, Postgres it is."));
        List<Map<String, Object>> actions = list(result, "actionItems");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0)).containsEntry("owner", "Bob").containsEntry("due", "2026-11-27")
                .containsEntry("quote", "Bob: I'll write the migration plan by Friday.");
        // No turn number, but the quote occurs verbatim: it is tied to that turn. The unfounded third item is dropped.
        assertThat(actions.get(1)).containsEntry("owner", "Alice").containsEntry("due", "2026-12-01")
                .containsEntry("quote", "Bob: I'll write the migration plan by Friday.");
        assertThat((List<String>) result.get("openQuestions")).containsExactly("Do we need a read replica?");
        assertThat(run.artifact("minutes.md").text()).contains("| Write the migration plan | Bob | 2026-11-27 |");
    }

    @Test
    void longTranscriptIsDraftedInChunksOnTurnBoundariesAndMerged() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add((i % 2 == 0 ? "Bob" : "Alice") + ": point " + i + " " + "about the billing rollout ".repeat(12));
        }
        List<Turn> turns = Transcripts.fromText(String.join("\n", lines));
        List<int[]> chunks = RemoteMinutes.chunks(turns);
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chunks.get(0)[0]).isZero();
        assertThat(chunks.get(chunks.size() - 1)[1]).isEqualTo(60);
        for (int c = 1; c < chunks.size(); c++) {
            assertThat(chunks.get(c)[0]).isEqualTo(chunks.get(c - 1)[1]);
        }

        FakeModelGateway models = new FakeModelGateway().onStructured(DRAFT)
                .onChat("Postgres was chosen for billing and the rollout was planned.");
        SkillRun run = SkillHarness.of(new MinutesSkill()).models(models)
                .value("transcript", String.join("\n", lines)).value("date", MEETING).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(models.requests()).filteredOn(r -> r.operation() == FakeModelGateway.Operation.STRUCTURED)
                .hasSize(chunks.size());
        Map<String, Object> result = run.resultMap();
        // The same answer for every chunk: items are merged; topics are kept per chunk, their turn numbers
        // held inside the chunk (turns 1-4 of the answer fall before the second chunk, so it is its first turn).
        assertThat(list(result, "decisions")).hasSize(1);
        assertThat(list(result, "topics")).hasSize(chunks.size());
        assertThat(list(result, "topics").get(1).get("source"))
                .isEqualTo("turn " + (chunks.get(1)[0] + 1));
        // The parts' summaries are combined into one by the model (reduce), not strung together.
        assertThat(result).containsEntry("summary", "Postgres was chosen for billing and the rollout was planned.");
        models.assertSent("Part 1 of " + chunks.size() + ": The team chose Postgres for billing.");
    }

    @Test
    void partsSummariesAreJoinedWhenTheModelCannotCombineThem() {
        String summary = RemoteMinutes.combined(List.of("First part.", "Second part."), MinutesDetail.STANDARD,
                new FakeModelGateway(), new dev.atrium.sdk.CancellationSignal() {
                    @Override
                    public boolean isCancelled() {
                        return false;
                    }

                    @Override
                    public void onCancel(Runnable action) {
                    }
                });

        assertThat(summary).isEqualTo("First part. Second part.");
    }

    @Test
    void failingProviderFallsBackToTheOfflineExtractionWithAWarning() {
        FakeModelGateway models = new FakeModelGateway().onStructuredJson("{ not json");

        SkillRun run = SkillHarness.of(new MinutesSkill()).models(models)
                .value("transcript", TRANSCRIPT).value("date", MEETING).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.warnings()).singleElement().asString().contains("offline");
        assertThat((String) run.resultMap().get("engine")).startsWith("embedded");
        assertThat(list(run.resultMap(), "actionItems")).anySatisfy(a -> assertThat(a)
                .containsEntry("owner", "Bob").containsEntry("due", "2026-11-27"));
    }
}
