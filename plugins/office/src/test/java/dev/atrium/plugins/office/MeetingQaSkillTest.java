package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputType;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatMessage;
import dev.atrium.sdk.model.ChatRequest;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeetingQaSkillTest {

    /** The battery decision is turn 6; other turns talk about the remote control too. */
    private static final String ENGLISH = """
            Anna: Welcome back. Today we finish the design of the new remote control for the television.
            Bob: The case will be made of recycled plastic, in three colours.
            Carol: Users asked for bigger buttons, so the remote control gets large rubber buttons.
            Anna: What about the power source? Should it run on a rechargeable battery or on standard cells?
            Bob: A rechargeable battery costs more, but people hate buying AA cells.
            Anna: Then it is settled: we decided to use a rechargeable lithium battery with a USB-C charging port.
            Carol: For marketing, the launch video will show the remote control in a living room.
            Bob: I'll ask the supplier for a quote on the plastic case by Friday.
            Anna: Good. The next meeting is on Thursday at ten.
            """;

    private static final String BATTERY_TURN =
            "Then it is settled: we decided to use a rechargeable lithium battery with a USB-C charging port.";

    private static final String CHINESE = """
            张三：大家好，今天讨论新版本的发布计划。
            李四：测试环境已经准备好了，但是性能测试还没有做。
            王五：市场部希望在发布会上展示新的界面设计。
            张三：我们决定采用灰度发布的方式，先开放百分之十的用户。
            李四：我来做性能测试，下周五前完成。
            王五：用户文档需要翻译成英文吗？
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
            <v Alice>Hiring is the last item on the agenda.

            00:00:45.000 --> 00:01:02.000
            <v Bob>We still need two sales engineers for the Asian market.
            """;

    private static SkillRun ask(String transcript, String question) {
        return SkillHarness.of(new MeetingQaSkill()).value("transcript", transcript).value("question", question).run();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> quotes(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("quotes");
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
        var spec = new MeetingQaSkill().spec();

        assertThat(spec.id()).isEqualTo("meeting-qa");
        assertThat(spec.input("transcript").orElseThrow().type()).isEqualTo(InputType.LONG_TEXT);
        var file = spec.input("file").orElseThrow();
        assertThat(file.type()).isEqualTo(InputType.FILE);
        var minutesFile = new MinutesSkill().spec().input("file").orElseThrow();
        assertThat(file.accept()).isEqualTo(minutesFile.accept());
        var question = spec.input("question").orElseThrow();
        assertThat(question.type()).isEqualTo(InputType.TEXT);
        assertThat(question.required()).isTrue();
        assertThat(spec.capabilities()).contains(Capability.CHAT);
    }

    @Test
    void englishQuestionQuotesTheTurnWithTheAnswerFirst() {
        SkillRun run = ask(ENGLISH, "What did the group decide about the remote control's battery?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        List<Map<String, Object>> quotes = quotes(result);
        assertThat(quotes).isNotEmpty();
        assertThat(quotes.get(0)).containsEntry("speaker", "Anna").containsEntry("text", BATTERY_TURN)
                .containsEntry("source", "turn 6");
        String answer = (String) result.get("answer");
        assertThat(answer).startsWith("Anna: ").contains("rechargeable lithium battery");
        assertThat((String) result.get("engine")).startsWith("embedded+");
        assertThat(run.progress()).extracting(SkillEvent.Progress::message)
                .containsSubsequence("parsing", "indexing", "answering", "done");
    }

    @Test
    void chineseQuestionFindsTheChineseDecision() {
        SkillRun run = ask(CHINESE, "关于发布方式，我们决定了什么？");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(quotes(result).get(0)).containsEntry("speaker", "张三").containsEntry("source", "turn 4");
        assertThat((String) result.get("answer")).startsWith("张三: ").contains("灰度发布");
    }

    @Test
    void aChineseQuestionNamingASpeakerIsAnsweredFromTheirTurns() {
        // 张三 said most about the release; the question asks what 王五 said about it.
        SkillRun run = ask(CHINESE, "王五对发布怎么说？");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(quotes(result)).isNotEmpty().allSatisfy(q -> assertThat(q).containsEntry("speaker", "王五"));
        assertThat((String) result.get("answer")).startsWith("王五: ").contains("发布会");

        // 王五 never spoke of performance testing.
        assertThat(ask(CHINESE, "王五对性能测试怎么说？").resultMap()).containsEntry("answer", MeetingQaSkill.notCovered(true));
    }

    @Test
    void vttSubtitlesGiveTimeSources() {
        SkillRun run = SkillHarness.of(new MeetingQaSkill())
                .file("file", Media.ofText("sales.vtt", "text/vtt", VTT))
                .value("question", "Why did sales drop in Asia?").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        List<Map<String, Object>> quotes = quotes(run.resultMap());
        assertThat(quotes).isNotEmpty();
        assertThat(quotes).allSatisfy(q -> assertThat((String) q.get("source")).matches("\\d{2}:\\d{2}"));
        assertThat(quotes).extracting(q -> q.get("source")).containsAnyOf("00:06", "00:20");
    }

    @Test
    void offTopicQuestionIsNotCovered() {
        SkillRun run = ask(ENGLISH, "What is the capital of France?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result).containsEntry("answer", MeetingQaSkill.notCovered(false));
        assertThat(quotes(result)).isEmpty();
    }

    @Test
    void aQuestionNamingASpeakerIsAnsweredFromThatSpeakersTurns() {
        // Anna's decision is the best turn on the battery, but the question asks what Bob thought.
        SkillRun run = ask(ENGLISH, "What did Bob think about the battery?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(quotes(result)).isNotEmpty().allSatisfy(q -> assertThat(q).containsEntry("speaker", "Bob"));
        assertThat(quotes(result).get(0)).containsEntry("source", "turn 5");
        assertThat((String) result.get("answer")).startsWith("Bob: ").contains("people hate buying AA cells")
                .doesNotContain("Anna:");
    }

    @Test
    void askingOnlyWhatSomeoneSaidIsAnsweredFromTheirTurns() {
        SkillRun run = ask(ENGLISH, "What did Carol say?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat((String) result.get("answer")).isNotEqualTo(MeetingQaSkill.notCovered(false)).startsWith("Carol: ");
        assertThat(quotes(result)).isNotEmpty().allSatisfy(q -> assertThat(q).containsEntry("speaker", "Carol"));
    }

    @Test
    void aQuestionAskingWhatSomeoneSuggestedIsCoveredByTheirTurns() {
        for (String question : List.of("What did Carol suggest?", "What was Carol's view?", "How did Bob feel?")) {
            SkillRun run = ask(ENGLISH, question);

            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat((String) run.resultMap().get("answer")).as(question)
                    .isNotEqualTo(MeetingQaSkill.notCovered(false));
        }
    }

    @Test
    void aNamedSpeakerWhoNeverSpokeToTheSubjectDoesNotCoverIt() {
        String transcript = """
                Anna: The battery decision first: we go with a rechargeable lithium battery.
                Bob: Agreed, a rechargeable battery with a USB-C port.
                Carol: On a different note, the launch party is booked for the ninth of May.
                Bob: Then the shipping boxes: recycled cardboard only.
                """;

        SkillRun run = ask(transcript, "What did Carol say about the battery?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.resultMap()).containsEntry("answer", MeetingQaSkill.notCovered(false));
    }

    @Test
    void aSpeakerLabelledByRoleAndLetterIsNamedByTheLetter() {
        String transcript = """
                Professor C: The recording setup needs a far-field microphone array on the table.
                Grad A: The consent forms have to be signed before anyone is recorded.
                Grad B: We could also record the digits task at the end of each meeting.
                Grad A: And the close-talking microphones should stay away from the mouth to avoid breathing.
                Professor C: I'd rather we tested the recording setup with a pilot meeting first.
                """;

        SkillRun run = ask(transcript, "What did A think about the recording setup?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(quotes(run.resultMap())).isNotEmpty()
                .allSatisfy(q -> assertThat(q).containsEntry("speaker", "Grad A"));
    }

    @Test
    void anAnswerIsAFullSentenceNotAFragmentThatMatchesTheQuestionBetter() {
        String transcript = """
                Anna: Next point. The budget.
                Bob: Right.
                Carol: For the budget we agreed on forty thousand euros for the pilot next quarter.
                Anna: Fine, then the hiring plan.
                """;

        SkillRun run = ask(transcript, "What about the budget?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        String answer = (String) run.resultMap().get("answer");
        assertThat(answer).startsWith("Carol: ").contains("forty thousand euros").doesNotContain("The budget.");
    }

    @Test
    void anAnswerGathersTheMatchingSentencesOfSeveralTurns() {
        String transcript = """
                Anna: Let's go through the pilot customers one by one.
                Bob: The first pilot customer, a bakery chain in Lyon, starts with twelve shops in March.
                Carol: Our second pilot customer is a hotel group in Porto that wants the kiosk version.
                Anna: Good. Now, the office move.
                Bob: The movers come on the fourth, so pack your desks the day before.
                """;

        SkillRun run = ask(transcript, "Who are the pilot customers?");

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        String answer = (String) run.resultMap().get("answer");
        assertThat(answer).contains("bakery chain in Lyon").contains("hotel group in Porto").doesNotContain("movers");
        assertThat(quotes(run.resultMap())).extracting(q -> q.get("speaker")).contains("Bob", "Carol");
    }

    @Test
    void remoteModelAnswersFromNumberedExcerptsAndItsCitationsBecomeQuotes() {
        String transcript = """
                Alice: Let's pick the database for the new billing service.
                Bob: Postgres fits, we already run it for orders.
                Carol: Do we need a read replica?
                """;
        FakeModelGateway models = new FakeModelGateway()
                .onChat("They chose Postgres because it already runs the orders service [2].");

        SkillRun run = SkillHarness.of(new MeetingQaSkill()).models(models)
                .value("transcript", transcript).value("question", "Which database did they pick?").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        Map<String, Object> result = run.resultMap();
        assertThat(result).containsEntry("engine", "fake/fake-model")
                .containsEntry("answer", "They chose Postgres because it already runs the orders service [2].");
        assertThat(quotes(result)).singleElement().satisfies(q -> assertThat(q).containsEntry("speaker", "Bob")
                .containsEntry("text", "Postgres fits, we already run it for orders.").containsEntry("source", "turn 2"));
        ChatRequest request = models.lastChatRequest();
        String sent = request.messages().stream().map(ChatMessage::text).collect(Collectors.joining("\n"));
        assertThat(sent).contains("[1] Alice: Let's pick the database for the new billing service.")
                .contains("[2] Bob: Postgres fits, we already run it for orders.")
                .contains("Which database did they pick?");
    }

    @Test
    void theModelSeesTheTurnsAroundTheBestOnesAndMayCiteThem() {
        // Turn 4 asks about the power source; Bob's reply (turn 5) and Anna's decision (turn 6) follow it.
        FakeModelGateway models = new FakeModelGateway()
                .onChat("Anna asked what should power it [4]; they chose a rechargeable lithium battery [6].");

        SkillRun run = SkillHarness.of(new MeetingQaSkill()).models(models).value("transcript", ENGLISH)
                .value("question", "What did the group decide about the remote control's battery?").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        String sent = models.lastChatRequest().messages().stream().map(ChatMessage::text)
                .collect(Collectors.joining("\n"));
        assertThat(sent).contains("[6] Anna: " + BATTERY_TURN).contains("[5] Bob: ").contains("[7] Carol: ");
        assertThat(quotes(run.resultMap())).extracting(q -> q.get("source")).containsExactly("turn 4", "turn 6");
    }

    @Test
    void excerptsKeepNeighboursOnlyWhileTheyFit() {
        List<Turn> turns = List.of(Turn.untimed("A", "x".repeat(100)), Turn.untimed("B", "best"),
                Turn.untimed("C", "y".repeat(MeetingQaSkill.EXCERPT_CHARS)), Turn.untimed("D", "far"));

        assertThat(MeetingQaSkill.excerpts(turns, List.of(1))).containsExactly(0, 1);
        assertThat(MeetingQaSkill.excerpts(turns, List.of(3, 1))).containsExactly(0, 1, 3);
    }

    @Test
    void remoteAnswerWithoutCitationFallsBackToTheOfflineAnswerWithAWarning() {
        FakeModelGateway models = new FakeModelGateway().onChat("They probably talked about batteries.");

        SkillRun run = SkillHarness.of(new MeetingQaSkill()).models(models).value("transcript", ENGLISH)
                .value("question", "What did the group decide about the remote control's battery?").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.warnings()).isNotEmpty();
        Map<String, Object> result = run.resultMap();
        assertThat((String) result.get("engine")).startsWith("embedded+");
        assertThat(quotes(result).get(0)).containsEntry("source", "turn 6");
    }

    @Test
    void blankQuestionIsBadInput() {
        Throwable error = failure(SkillHarness.of(new MeetingQaSkill()).value("transcript", ENGLISH).value("question", "  "));

        assertThat(error).isInstanceOf(BadInputException.class);
        assertThat(((BadInputException) error).input()).contains("question");
    }

    @Test
    void missingTranscriptIsBadInput() {
        Throwable error = failure(SkillHarness.of(new MeetingQaSkill()).value("question", "What was decided?"));

        assertThat(error).isInstanceOf(BadInputException.class);
        assertThat(((BadInputException) error).input()).contains("transcript");
    }
}
