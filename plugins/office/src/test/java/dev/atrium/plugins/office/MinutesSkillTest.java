package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.documents.OfficeDocumentKit;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityUnavailableException;
import dev.atrium.sdk.InputType;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.Transcript;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinutesSkillTest {

    /** Tuesday 24 November 2026. */
    private static final String MEETING = "2026-11-24";

    private static final String ENGLISH = """
            Alice: Welcome everyone. Today we review the launch plan for the mobile app and the marketing budget.
            Bob: The beta build is stable. Crash reports dropped by half after the last fix.
            Alice: Should we launch on the web first or on mobile first?
            Carol: Mobile users bring most of our traffic, so mobile first makes sense.
            Alice: Agreed, we decided to launch on mobile first.
            Bob: I'll prepare the release notes by Friday.
            Alice: Carol will update the marketing budget by next Monday.
            Carol: Who owns the press contacts for the launch?
            Alice: Let's talk about the press later, we are out of time.
            """;

    private static final String CHINESE = """
            张三：大家好，今天讨论新版本的发布计划。
            李四：测试环境已经准备好了，但是性能测试还没有做。
            张三：我们决定采用灰度发布的方式。
            李四：我来做性能测试，下周五前完成。
            张三：王五负责更新用户文档，月底前交付。
            王五：文档需要翻译成英文吗？
            """;

    private static final String VTT = """
            WEBVTT

            00:00:01.000 --> 00:00:06.000
            <v Alice>Let's review the quarterly sales numbers for every region.

            00:00:06.000 --> 00:00:12.000
            <v Bob>Sales grew in Europe but dropped in Asia this quarter.

            00:00:12.000 --> 00:00:20.000
            <v Alice>Why did Asia drop so much?

            00:00:20.000 --> 00:00:31.000
            <v Bob>Two large distributors paused their orders.

            00:00:31.000 --> 00:00:45.000
            <v Alice>We agreed to visit both distributors next month.

            00:00:45.000 --> 00:01:02.000
            <v Bob>I'll book the flights tomorrow.

            00:01:02.000 --> 00:01:15.000
            <v Alice>Hiring is the last item on the agenda.

            00:01:15.000 --> 00:01:30.000
            <v Bob>We still need two sales engineers for the Asian market.
            """;

    private static SkillRun minutes(String transcript) {
        return SkillHarness.of(new MinutesSkill()).value("transcript", transcript).value("date", MEETING).run();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> result, String key) {
        return (List<Map<String, Object>>) result.get(key);
    }

    /** A failure either rejected up front by input validation or raised by the skill. */
    private static Throwable failure(SkillHarness harness) {
        try {
            SkillRun run = harness.run();
            return run.error().orElseThrow(() -> new AssertionError("run did not fail: " + run));
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void specDeclaresTheFixedInputs() {
        var spec = new MinutesSkill().spec();

        assertThat(spec.id()).isEqualTo("minutes");
        assertThat(spec.input("transcript").orElseThrow().type()).isEqualTo(InputType.LONG_TEXT);
        var file = spec.input("file").orElseThrow();
        assertThat(file.type()).isEqualTo(InputType.FILE);
        assertThat(file.accepts("text/vtt")).isTrue();
        assertThat(file.accepts("application/x-subrip")).isTrue();
        assertThat(file.accepts(MinutesSkill.DOCX)).isTrue();
        assertThat(file.accepts("application/pdf")).isTrue();
        assertThat(file.accepts("audio/mpeg")).isTrue();
        assertThat(file.accepts("video/mp4")).isTrue();
        assertThat(file.accepts("image/png")).isFalse();
        assertThat(spec.input("title").orElseThrow().type()).isEqualTo(InputType.TEXT);
        assertThat(spec.input("date").orElseThrow().type()).isEqualTo(InputType.TEXT);
        assertThat(spec.input("attendees").orElseThrow().type()).isEqualTo(InputType.TEXT);
        var language = spec.input("language").orElseThrow();
        assertThat(language.type()).isEqualTo(InputType.CHOICE);
        assertThat(language.options()).containsExactly("auto", "en", "zh");
        assertThat(language.defaultValue()).isEqualTo("auto");
        assertThat(spec.capabilities()).containsExactlyInAnyOrder(Capability.TRANSCRIPTION, Capability.STRUCTURED_OUTPUT);
    }

    @Test
    void englishTranscriptGivesDecisionActionItemsWithOwnersAndResolvedDatesAndAnOpenQuestion() {
        SkillRun run = SkillHarness.of(new MinutesSkill()).value("transcript", ENGLISH).value("date", MEETING)
                .value("title", "Launch sync").value("attendees", "Dave, alice").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result).containsEntry("title", "Launch sync").containsEntry("date", MEETING);
        assertThat(result.get("attendees")).isEqualTo(List.of("Dave", "alice", "Bob", "Carol"));
        assertThat((String) result.get("summary")).isNotBlank();
        assertThat((String) result.get("engine")).startsWith("embedded");

        List<Map<String, Object>> decisions = list(result, "decisions");
        assertThat(decisions).hasSize(1);
        assertThat((String) decisions.get(0).get("text")).contains("launch on mobile first");
        assertThat((String) decisions.get(0).get("quote")).startsWith("Alice: Agreed");

        List<Map<String, Object>> actions = list(result, "actionItems");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0)).containsEntry("owner", "Bob").containsEntry("due", "2026-11-27");
        assertThat((String) actions.get(0).get("what")).contains("release notes");
        assertThat((String) actions.get(0).get("quote")).isEqualTo("Bob: I'll prepare the release notes by Friday.");
        assertThat(actions.get(1)).containsEntry("owner", "Carol").containsEntry("due", "2026-11-30");
        assertThat((String) actions.get(1).get("quote")).startsWith("Alice: Carol will update");

        assertThat((List<String>) result.get("openQuestions")).containsExactly("Who owns the press contacts for the launch?");
    }

    @Test
    void topicsSplitTheTurnsIntoContiguousPartsWithTitlesAndTurnSources() {
        List<Map<String, Object>> topics = list(minutes(ENGLISH).resultMap(), "topics");

        assertThat(topics).hasSize(3);
        assertThat(topics).extracting(t -> t.get("source")).containsExactly("turns 1–3", "turns 4–6", "turns 7–9");
        assertThat(topics).allSatisfy(t -> {
            assertThat((String) t.get("title")).isNotBlank();
            assertThat((String) t.get("summary")).isNotBlank();
        });
    }

    @Test
    void progressRunsThroughTheStagesAndTheResultComesLast() {
        SkillRun run = minutes(ENGLISH);

        assertThat(run.progress()).extracting(SkillEvent.Progress::message)
                .containsSubsequence("parsing", "summarising", "extracting", "writing", "done");
        assertThat(run.progress()).extracting(SkillEvent.Progress::percent).isSorted();
        assertThat(run.events().get(run.events().size() - 1)).isInstanceOf(SkillEvent.Result.class);
    }

    @Test
    void chineseTranscriptAssignsOwnersFromWoLaiAndFuZeAndResolvesXiaZhouWuQian() {
        SkillRun run = minutes(CHINESE);

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result.get("attendees")).isEqualTo(List.of("张三", "李四", "王五"));
        assertThat(result).containsEntry("title", "会议纪要");

        List<Map<String, Object>> actions = list(result, "actionItems");
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0)).containsEntry("owner", "李四").containsEntry("due", "2026-12-04")
                .containsEntry("quote", "李四：我来做性能测试，下周五前完成。".replace('：', ':').replace(":", ": "));
        assertThat(actions.get(1)).containsEntry("owner", "王五").containsEntry("due", "2026-11-30");

        assertThat(list(result, "decisions")).extracting(d -> (String) d.get("text"))
                .anySatisfy(text -> assertThat(text).contains("灰度发布"));
        assertThat((List<String>) result.get("openQuestions")).containsExactly("文档需要翻译成英文吗？");
    }

    @Test
    void vttSubtitlesKeepSpeakersAndGiveTimeSpansInTopics() {
        SkillRun run = SkillHarness.of(new MinutesSkill())
                .file("file", Media.ofText("sales-review.vtt", "text/vtt", VTT)).value("date", MEETING).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result).containsEntry("title", "sales-review");
        assertThat(result.get("attendees")).isEqualTo(List.of("Alice", "Bob"));
        List<Map<String, Object>> topics = list(result, "topics");
        assertThat(topics).hasSize(3);
        assertThat(topics.get(0)).containsEntry("source", "00:01–00:12");
        assertThat(topics).allSatisfy(t -> assertThat((String) t.get("source")).matches("\\d\\d:\\d\\d–\\d\\d:\\d\\d"));
        assertThat(topics.get(2).get("source")).isEqualTo("00:45–01:30");

        List<Map<String, Object>> actions = list(result, "actionItems");
        assertThat(actions).anySatisfy(a -> assertThat(a).containsEntry("owner", "Bob").containsEntry("due", "2026-11-25")
                .containsEntry("quote", "Bob: I'll book the flights tomorrow."));
        assertThat(list(result, "decisions")).anySatisfy(d -> assertThat((String) d.get("text")).contains("visit both distributors"));
    }

    @Test
    void minutesDocxOpensWithTheDocumentKitAndHoldsTheActionItems() {
        SkillRun run = minutes(ENGLISH);

        Media docx = run.artifact("minutes.docx");
        ExtractedDocument document = new OfficeDocumentKit().read(docx);
        String everything = document.text() + "\n" + document.tables();
        assertThat(everything).contains("Summary", "Topics", "Decisions", "Action items", "Open questions");
        assertThat(everything).contains("I'll prepare the release notes by Friday.", "Bob", "2026-11-27");
        assertThat(everything).contains("Carol will update the marketing budget by next Monday.", "2026-11-30");
        assertThat(document.tables()).anySatisfy(t -> assertThat(t.headers()).containsExactly("What", "Owner", "Due"));
    }

    @Test
    void minutesMarkdownHasTheSectionsAndTheActionTable() {
        String md = minutes(ENGLISH).artifact("minutes.md").text();

        assertThat(md).contains("## Summary", "## Topics", "## Decisions", "## Action items", "## Open questions");
        assertThat(md).contains("| What | Owner | Due |", "| Bob | 2026-11-27 |", "| Carol | 2026-11-30 |");
    }

    @Test
    void missingTranscriptAndFileIsABadInputNamingTranscript() {
        Throwable error = failure(SkillHarness.of(new MinutesSkill()).value("date", MEETING));

        assertThat(error).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.input()).contains("transcript"));
    }

    @Test
    void emptyTranscriptIsABadInput() {
        assertThat(failure(SkillHarness.of(new MinutesSkill()).value("transcript", "  \n \n")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("transcript"));
        assertThat(failure(SkillHarness.of(new MinutesSkill()).value("transcript", "")))
                .isInstanceOf(BadInputException.class);
    }

    @Test
    void malformedDateIsABadInputNamingDate() {
        assertThat(failure(SkillHarness.of(new MinutesSkill()).value("transcript", ENGLISH).value("date", "24/11/2026")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("date"));
    }

    @Test
    void audioWithoutATranscriptionProviderIsCapabilityUnavailable() {
        Throwable error = failure(SkillHarness.of(new MinutesSkill())
                .file("file", Media.of("call.mp3", "audio/mpeg", new byte[] {1, 2, 3})));

        assertThat(error).isInstanceOf(CapabilityUnavailableException.class)
                .hasMessageContaining("transcription provider");
    }

    @Test
    void audioIsTranscribedWhenAProviderIsConfigured() {
        FakeModelGateway models = new FakeModelGateway().onTranscribe(audio -> new Transcript(
                "", "en", List.of(
                new Transcript.Segment(0, 4, "We decided to move the demo to Thursday.", "Ann"),
                new Transcript.Segment(4, 9, "I'll send the invite today.", "Ben")),
                FakeModelGateway.ENGINE));

        SkillRun run = SkillHarness.of(new MinutesSkill()).models(models).value("date", MEETING)
                .file("file", Media.of("call.mp3", "audio/mpeg", new byte[] {1, 2, 3})).run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result.get("attendees")).isEqualTo(List.of("Ann", "Ben"));
        assertThat(list(result, "actionItems")).singleElement().satisfies(a ->
                assertThat(a).containsEntry("owner", "Ben").containsEntry("due", MEETING));
        assertThat(list(result, "topics")).singleElement().satisfies(t -> assertThat(t).containsEntry("source", "00:00–00:09"));
    }

    @Test
    void cancelledRunStopsWithoutArtifacts() {
        String longTranscript = "Ann: We should look at the numbers again and again before deciding anything.\n"
                .repeat(500);

        SkillRun run = SkillHarness.of(new MinutesSkill()).value("transcript", longTranscript)
                .cancelAfter(Duration.ofMillis(1)).run();

        assertThat(run.cancelled()).isTrue();
        assertThat(run.error()).containsInstanceOf(RunCancelledException.class);
        assertThat(run.artifacts()).isEmpty();
    }

    @Test
    void dateDefaultsToTodayFromTheClock() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

        SkillRun run = SkillHarness.of(new MinutesSkill()).clock(clock)
                .value("transcript", "Ann: I'll send the agenda tomorrow.").run();

        assertThat(run.resultMap()).containsEntry("date", "2026-03-02");
        assertThat(list(run.resultMap(), "actionItems")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("due", "2026-03-03"));
    }
}
