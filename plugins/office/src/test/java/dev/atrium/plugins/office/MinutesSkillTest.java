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
        assertThat(spec.input("detail").orElseThrow().options()).containsExactly("brief", "standard", "detailed");
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
    void aShortMeetingIsOneTopicWithTitleSummaryAndTurnSource() {
        List<Map<String, Object>> topics = list(minutes(ENGLISH).resultMap(), "topics");

        assertThat(topics).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("source", "turns 1–9");
            assertThat((String) t.get("title")).isNotBlank();
            assertThat((String) t.get("summary")).isNotBlank();
        });
    }

    private static final String BUDGET = "Anna: The marketing budget for next quarter is forty thousand dollars, ten percent less than now.\n"
            + "Bob: We overspent the travel budget by six thousand dollars because of the trade fair in Berlin.\n"
            + "Carol: Finance wants every department to cut its budget and send a revised spending plan by March.\n"
            + "Anna: If we cut the advertising spend we keep the budget for the customer conference unchanged.\n"
            + "Bob: The software licences cost more than planned, so the tools budget needs eight thousand more.\n";
    private static final String HIRING = "Carol: We need to hire two backend engineers before summer; the job descriptions are not published.\n"
            + "Anna: The recruiter sent twelve candidates for the engineering role, three with distributed systems experience.\n"
            + "Bob: Candidates say our interview process takes too long, five rounds over three weeks.\n"
            + "Carol: Let's shorten the hiring process to a screening call, a technical interview and a team chat.\n"
            + "Anna: The salary range for the senior engineer position is below market, two candidates declined our offer.\n"
            + "Bob: HR can raise the offer for senior candidates by ten percent if the hiring manager approves.\n"
            + "Carol: The hiring committee will meet every Friday to review interview feedback and decide on offers.\n"
            + "Anna: Every interviewer should write feedback on the candidate within one day of the interview.\n"
            + "Bob: Referral bonuses brought our best engineering hires last year; let's double the referral bonus.\n"
            + "Carol: Onboarding new engineers takes six weeks, so a candidate hired in May is productive in July.\n";
    private static final String MOVE = "Anna: The office move to the new building on Harbour Street is planned for the first weekend of June.\n"
            + "Bob: Movers pack the desks, chairs and monitors on Friday and unpack them in the new office on Sunday.\n"
            + "Carol: The new office floor has room for sixty desks, two meeting rooms and a kitchen with a balcony.\n"
            + "Anna: Network cabling in the new building must be installed before we move the servers.\n"
            + "Bob: The lease on the old office ends on June thirtieth; the landlord wants the keys back and the rooms empty.\n"
            + "Carol: Each team labels its boxes with the room number on the floor plan of the new building.\n";

    @Test
    void topicsOfALongerMeetingAreCutWhereTheSubjectChanges() {
        List<Map<String, Object>> topics = list(minutes(BUDGET + HIRING + MOVE).resultMap(), "topics");

        assertThat(topics).hasSize(3);
        // Hiring is turns 6–15 and the move 16–21; the cuts may be a turn off.
        List<Integer> starts = topics.stream()
                .map(t -> Integer.parseInt(((String) t.get("source")).replaceAll("turns (\\d+)–\\d+", "$1"))).toList();
        assertThat(starts.get(0)).isEqualTo(1);
        assertThat(starts.get(1)).isBetween(5, 7);
        assertThat(starts.get(2)).isBetween(15, 17);
        assertThat((String) topics.get(2).get("source")).endsWith("–21");
        assertThat(topics).allSatisfy(t -> assertThat((String) t.get("summary")).isNotBlank());
        assertThat((String) topics.get(1).get("title")).containsIgnoringCase("interview");
    }

    @Test
    void detailLevelSetsHowMuchTheSummaryAndTopicsSay() {
        Map<String, Integer> summaryWords = new java.util.LinkedHashMap<>();
        Map<String, Integer> topicSentences = new java.util.LinkedHashMap<>();
        for (String detail : List.of("brief", "standard", "detailed")) {
            Map<String, Object> result = SkillHarness.of(new MinutesSkill()).value("transcript", BUDGET + HIRING + MOVE)
                    .value("date", MEETING).value("detail", detail).run().resultMap();
            summaryWords.put(detail, ((String) result.get("summary")).split("\\s+").length);
            topicSentences.put(detail, list(result, "topics").stream()
                    .mapToInt(t -> Extraction.sentences((String) t.get("summary")).size()).sum());
        }

        assertThat(summaryWords.get("brief")).isLessThan(summaryWords.get("standard"));
        assertThat(summaryWords.get("standard")).isLessThan(summaryWords.get("detailed"));
        assertThat(topicSentences.get("brief")).isEqualTo(3);
        assertThat(topicSentences.get("detailed")).isGreaterThan(topicSentences.get("standard"));
        assertThat(failure(SkillHarness.of(new MinutesSkill()).value("transcript", ENGLISH).value("detail", "verbose")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("detail");
    }

    @Test
    void longTopicsAreSummarisedInStretchesWhereTheEqualWindowsCut() {
        // 60 turns: the equal windows cut at 10, 20, …, 50; the cut at 20 is too close to the topic edge at 22.
        List<int[]> stretches = MinutesSkill.stretches(List.of(new int[] {0, 22}, new int[] {22, 60}), 60);

        assertThat(stretches).extracting(s -> s[0]).containsExactly(0, 10, 22, 30, 40, 50);
        assertThat(stretches.get(stretches.size() - 1)[1]).isEqualTo(60);
        assertThat(MinutesSkill.stretches(List.of(), 0)).isEmpty();
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
    void chineseMeetingsMinutesHaveChineseHeadingsAndColumns() throws Exception {
        SkillRun run = minutes(CHINESE);

        String md = run.artifact("minutes.md").text();
        assertThat(md).contains("## 摘要", "## 议题", "## 决定", "## 待办事项", "| 事项 | 负责人 | 截止日期 |", "- **日期:** ")
                .doesNotContain("## Summary", "Action items");
        ExtractedDocument document = new OfficeDocumentKit().read(run.artifact("minutes.docx"));
        assertThat(document.text() + "\n" + document.tables()).contains("待办事项", "负责人", "待解决问题")
                .doesNotContain("Open questions");
        assertThat(minutes(ENGLISH).artifact("minutes.md").text()).contains("## Summary", "| What | Owner | Due |");
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
        // Eight cues are a short meeting: one topic, spanning the first cue's start to the last one's end.
        assertThat(topics).singleElement().satisfies(t -> assertThat(t).containsEntry("source", "00:01–01:30"));

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
