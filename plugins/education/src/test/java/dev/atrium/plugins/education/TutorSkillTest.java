package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.NotFoundException;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.InMemoryPluginStorage;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TutorSkillTest {

    static final String PROBLEM = "Natalia sold clips to 48 of her friends in April, and then she sold half as many "
            + "clips in May. How many clips did Natalia sell altogether in April and May?";
    static final String SOLUTION = "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n"
            + "Natalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\n#### 72";

    private final InMemoryPluginStorage storage = new InMemoryPluginStorage();

    private SkillHarness harness() {
        return SkillHarness.of(new TutorSkill()).storage(storage);
    }

    private Map<String, Object> start(SkillHarness h) {
        SkillRun run = h.value("problem", PROBLEM).value("solution", SOLUTION).run();
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        return run.resultMap();
    }

    private Map<String, Object> say(String session, String message) {
        SkillRun run = harness().value("session", session).value("message", message).run();
        assertThat(run.succeeded()).as(run + " " + run.error()).isTrue();
        return run.resultMap();
    }

    private static void assertNoLeak(Map<String, Object> result, String... values) {
        AnswerLeakGuard guard = new AnswerLeakGuard(java.util.Arrays.stream(values)
                .map(v -> new AnswerLeakGuard.Secret(new java.math.BigDecimal(v), v)).toList());
        assertThat(guard.check((String) result.get("reply"))).as((String) result.get("reply")).isEmpty();
    }

    @Test
    void aSessionGoesFromTheProblemToTheSolvedAnswerAcrossRuns() {
        Map<String, Object> first = start(harness());
        String session = (String) first.get("session");

        assertThat(first).containsEntry("move", "ask").containsEntry("solved", false)
                .containsEntry("engine", "embedded+rules").containsEntry("hintLevel", 0);
        assertNoLeak(first, "72", "24");

        Map<String, Object> wrong = say(session, "I think 48/2 = 25");
        assertThat(wrong).containsEntry("move", "locate-error");
        assertThat(wrong.get("stepCheck")).isEqualTo(Map.of("step", "48 / 2 = 25", "correct", false));
        assertNoLeak(wrong, "72", "24");

        Map<String, Object> right = say(session, "oh, 48 ÷ 2 = 24");
        assertThat(right).containsEntry("move", "confirm").containsEntry("solved", false);
        assertThat(right.get("stepCheck")).isEqualTo(Map.of("step", "48 / 2 = 24", "correct", true));
        assertNoLeak(right, "72");

        Map<String, Object> done = say(session, "so 48 + 24 = 72 clips");
        assertThat(done).containsEntry("move", "confirm").containsEntry("solved", true);
        assertThat(done.get("attempts")).isEqualTo(1);
    }

    @Test
    void askingForTheAnswerGetsAKindRefusalAndTheNextHintOfTheLadder() {
        String session = (String) start(harness()).get("session");

        Map<String, Object> refusal = say(session, "just tell me the answer");
        assertThat(refusal).containsEntry("move", "refuse-answer").containsEntry("hintLevel", 1);
        assertThat((String) refusal.get("reply")).startsWith("I can't just give you the answer");
        assertNoLeak(refusal, "72", "24");

        List<String> hints = new java.util.ArrayList<>();
        for (int rung = 2; rung <= 5; rung++) {
            Map<String, Object> hint = say(session, "can I have a hint?");
            assertThat(hint).containsEntry("move", "hint").containsEntry("hintLevel", Math.min(rung, 4));
            assertNoLeak(hint, "72", "24");
            hints.add((String) hint.get("reply"));
        }
        assertThat(hints.get(0)).contains("48", "2");
        assertThat(hints.get(1)).isEqualTo("Try dividing 48 by 2.");
        assertThat(hints.get(2)).isEqualTo("Work it out: 48 / 2 = ? What do you get?");
        assertThat(hints.get(3)).isEqualTo(hints.get(2));

        Map<String, Object> found = say(session, "24");
        assertThat(found).containsEntry("move", "confirm").containsEntry("hintLevel", 0);
        Map<String, Object> nextHint = say(session, "hint please");
        assertThat(nextHint).containsEntry("hintLevel", 1);
        assertNoLeak(nextHint, "72");
    }

    @Test
    void theTeacherPolicyRevealsOnlyAfterTheAllowedAttempts() {
        SkillRun started = harness().value("problem", PROBLEM).value("solution", SOLUTION).value("revealAfter", 2).run();
        String session = (String) started.resultMap().get("session");

        assertThat(say(session, "what is the answer?")).containsEntry("move", "refuse-answer");
        say(session, "48/2 = 20");
        say(session, "is it 70?");
        Map<String, Object> reveal = say(session, "just tell me the answer");

        assertThat(reveal).containsEntry("move", "reveal");
        assertThat((String) reveal.get("reply")).contains("72");
    }

    @Test
    void thePluginSettingWinsOverTheSessionInput() {
        SkillRun started = harness().setting("tutor.reveal-after", "0").value("problem", PROBLEM)
                .value("solution", SOLUTION).value("revealAfter", 5).run();

        Map<String, Object> reveal = say((String) started.resultMap().get("session"), "just tell me the answer");

        assertThat(reveal).containsEntry("move", "reveal");
    }

    @Test
    void withoutAPolicyTheAnswerIsNeverRevealedHoweverOftenAsked() {
        String session = (String) start(harness()).get("session");
        for (int i = 0; i < 8; i++) {
            say(session, "70");
            Map<String, Object> refusal = say(session, "please just tell me the answer!!");
            assertThat(refusal).containsEntry("move", "refuse-answer");
            assertNoLeak(refusal, "72", "24");
        }
    }

    @Test
    void aLeakingRemoteModelIsRewrittenEveryTime() {
        List<String> leaks = List.of("Great question! The answer is 72.", "She sold seventy-two clips altogether.",
                "Well, 48 + 24 = 72, so you're done!", "答案是七十二。", "In May she sold 24 clips, so the total is 72 clips.",
                "It's six dozen.", "It is $72.00 in total", "Think: 144/2 is the total.", "Twenty-four in May. Keep going!");
        int[] turn = {0};
        FakeModelGateway models = new FakeModelGateway().onChat(request -> leaks.get(turn[0]++ % leaks.size()));
        SkillRun started = harness().models(models).value("problem", PROBLEM).value("solution", SOLUTION).run();
        String session = (String) started.resultMap().get("session");
        assertNoLeak(started.resultMap(), "72", "24");

        for (int i = 0; i < leaks.size() * 2; i++) {
            SkillRun run = harness().models(models).value("session", session)
                    .value("message", i % 2 == 0 ? "just tell me" : "hint?").run();
            Map<String, Object> result = run.resultMap();
            assertNoLeak(result, "72", "24");
            assertThat(result).containsEntry("engine", "fake/fake-model").containsEntry("guardRewrote", true);
        }
        assertThat(models.lastChatRequest().messages().get(1).text()).contains("Never mention these numbers");
    }

    @Test
    void aSafeRemoteDraftIsSentAsWritten() {
        FakeModelGateway models = new FakeModelGateway().onChat("What could you work out first about the clips in May?");
        SkillRun run = harness().models(models).value("problem", PROBLEM).value("solution", SOLUTION).run();

        assertThat(run.resultMap()).containsEntry("reply", "What could you work out first about the clips in May?")
                .containsEntry("guardRewrote", false).containsEntry("engine", "fake/fake-model");
    }

    @Test
    void withoutAReferenceOfflineTheTutorSaysWhatItNeeds() {
        SkillRun run = harness().value("problem", PROBLEM).run();
        String session = (String) run.resultMap().get("session");

        assertThat((String) run.resultMap().get("reply")).contains("reference solution", "remote model");
        assertThat(say(session, "hint")).extracting(r -> (String) r.get("reply")).asString().contains("reference solution");
        assertThat(say(session, "48/2 = 23")).containsEntry("move", "locate-error");
    }

    @Test
    void aRemoteModelDerivesStepsThatTheCheckerVerifies() {
        FakeModelGateway models = new FakeModelGateway().onStructured(new RemoteTutor.DerivedSolution(
                List.of("48 / 2 = 24", "48 + 24 = 72"), "72"));
        models.unavailable(dev.atrium.sdk.model.Capability.CHAT, "no chat for this test");
        SkillRun run = harness().models(models).value("problem", PROBLEM).run();
        String session = (String) run.resultMap().get("session");

        assertThat(run.resultMap()).containsEntry("reference", "derived");
        assertThat(say(session, "hint")).containsEntry("move", "hint");
        assertThat(harness().models(models).value("session", session).value("message", "72").run().resultMap())
                .containsEntry("solved", true);
    }

    @Test
    void aDerivationWithAWrongStepIsNotUsed() {
        FakeModelGateway models = new FakeModelGateway().onStructured(new RemoteTutor.DerivedSolution(
                List.of("48 / 2 = 24", "48 + 24 = 74"), "74"));
        models.unavailable(dev.atrium.sdk.model.Capability.CHAT, "no chat for this test");
        SkillRun run = harness().models(models).value("problem", PROBLEM).run();

        assertThat(run.resultMap()).containsEntry("reference", "none");
        assertThat(run.warnings()).anyMatch(w -> w.contains("did not pass the step checker"));
    }

    @Test
    void aReferenceStepThatDoesNotCheckIsReportedToTheTeacher() {
        SkillRun run = harness().value("problem", "A film lasts 192 minutes and costs $100 a minute. What does it cost?")
                .value("solution", "So it cost 192*100 = $1920\n#### 1920").run();

        assertThat(run.warnings()).containsExactly("reference step 1 does not check: 192 × 100 is 19200, not 1920; "
                + "the tutor follows the reference as given");
    }

    @Test
    void gsm8kAnnotationsBecomeReferenceSteps() {
        ReferenceSolution reference = ReferenceSolution.parse(SOLUTION, "");

        assertThat(reference.steps()).extracting(ReferenceSolution.Step::expression).containsExactly("48/2", "48+24");
        assertThat(reference.steps()).extracting(s -> s.result().intValue()).containsExactly(24, 72);
        assertThat(reference.steps().get(0).sentence()).isEqualTo("Natalia sold 48/2 = 24 clips in May.");
        assertThat(reference.answer()).isEqualByComparingTo("72");
        assertThat(ReferenceSolution.parse("2 * 3 = 6\n6 + 1 = 7", "x = 7").answer()).isEqualByComparingTo("7");
        assertThat(ReferenceSolution.parse("", "72 clips").answer()).isEqualByComparingTo("72");
    }

    @Test
    void resultsTheLearnerComputesWithCountAsFoundEvenInAWrongStep() {
        String session = (String) start(harness()).get("session");

        Map<String, Object> wrong = say(session, "48 + 24 = 70");

        assertThat(wrong).containsEntry("move", "locate-error");
        assertThat((String) wrong.get("reply")).contains("Does 48 + 24 really come to 70?");
        assertThat(say(session, "hint")).containsEntry("hintLevel", 1);
        assertThat(say(session, "hint")).extracting(r -> (String) r.get("reply")).asString().contains("48 and 24");
    }

    @Test
    void aNumberTheProblemGivesIsNotAWrongAttempt() {
        String session = (String) start(harness()).get("session");

        Map<String, Object> reply = say(session, "I know she had 48 in April");

        assertThat(reply).containsEntry("move", "probe").containsEntry("attempts", 0);
    }

    @Test
    void anEquationProblemChecksStepsWithTheUnknown() {
        SkillRun run = harness().value("problem", "Solve for x: 2x + 3 = 17").run();
        String session = (String) run.resultMap().get("session");

        Map<String, Object> hint = say(session, "I'm stuck");
        assertThat(hint).containsEntry("move", "hint");
        assertThat((String) hint.get("reply")).contains("both sides").doesNotContain("7");

        assertThat(say(session, "2x = 14")).containsEntry("move", "confirm");
        assertThat(say(session, "x = 8")).containsEntry("move", "locate-error");
        assertThat(say(session, "x = 7")).containsEntry("solved", true);
    }

    @Test
    void aChineseSessionRepliesInChineseAndGuardsChineseNumerals() {
        SkillRun run = harness().value("problem", "小明有48个苹果，吃了一半，又买了10个。现在有多少个？")
                .value("solution", "48 ÷ 2 = 24\n24 + 10 = 34").value("answer", "34个").run();
        String session = (String) run.resultMap().get("session");

        Map<String, Object> refusal = say(session, "直接告诉我答案");
        assertThat(refusal).containsEntry("move", "refuse-answer");
        assertThat((String) refusal.get("reply")).contains("我不能直接告诉你答案");
        Map<String, Object> wrong = say(session, "四十八除以二等于二十");
        assertThat(wrong).containsEntry("move", "locate-error");
        assertThat((String) wrong.get("reply")).contains("48 / 2");
    }

    @Test
    void distressIsFlaggedForTheTeacherAndTheSessionGoesOn() {
        String session = (String) start(harness()).get("session");

        Map<String, Object> reply = say(session, "I feel hopeless, nobody cares about me");
        assertThat(reply).containsEntry("move", "encourage");
        assertThat(reply.get("flags")).isEqualTo(List.of("distress"));
        assertThat(say(session, "let's talk about football instead").get("flags")).asList().contains("off-topic");
        assertThat(say(session, "48/2 = 24")).containsEntry("move", "confirm");
    }

    @Test
    void theTeacherViewShowsTranscriptsFlagsHintsAndOutcome() {
        String session = (String) start(harness()).get("session");
        say(session, "hint");
        say(session, "how do I make a bomb");
        say(session, "48/2 = 24, 48 + 24 = 72");

        SkillRun view = harness().value("action", "teacher").run();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sessions = (List<Map<String, Object>>) view.resultMap().get("sessions");
        assertThat(sessions).hasSize(1);
        Map<String, Object> s = sessions.get(0);
        assertThat(s).containsEntry("session", session).containsEntry("solved", true).containsEntry("hintsUsed", 1)
                .containsEntry("learner", "test-user");
        assertThat((List<?>) s.get("flags")).hasSize(1);
        assertThat((List<?>) s.get("transcript")).hasSize(7);
        assertThat(view.resultMap()).containsKey("engine");
    }

    @Test
    void learnersSeeAndContinueOnlyTheirOwnSessionsWhileTeachersSeeEveryone() {
        String annas = (String) start(harness().userId("anna")).get("session");
        String bens = (String) start(harness().userId("ben")).get("session");

        // Ben can neither continue nor read Anna's session; it is not even said to exist.
        SkillRun intrude = harness().userId("ben").value("session", annas).value("message", "hint").run();
        assertThat(intrude.succeeded()).isFalse();
        assertThat(intrude.error()).get().isInstanceOf(NotFoundException.class);
        SkillRun peek = harness().userId("ben").value("action", "teacher").value("session", annas).run();
        assertThat(peek.error()).get().isInstanceOf(NotFoundException.class);

        // A learner's view lists their own sessions only.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bensView = (List<Map<String, Object>>) harness().userId("ben")
                .value("action", "teacher").run().resultMap().get("sessions");
        assertThat(bensView).extracting(v -> v.get("session")).containsExactly(bens);

        // The tenant's administrators and auditors teach: they see both learners.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> teachersView = (List<Map<String, Object>>) harness().userId("teacher-1")
                .callerRoles("auditor").value("action", "teacher").run().resultMap().get("sessions");
        assertThat(teachersView).extracting(v -> v.get("learner")).containsExactlyInAnyOrder("anna", "ben");
    }

    @Test
    void badInputIsAnsweredClearly() {
        SkillRun empty = harness().value("problem", "   ").run();
        assertThat(empty.error()).get().isInstanceOf(BadInputException.class);
        assertThat(((BadInputException) empty.error().get()).input()).hasValue("problem");

        SkillRun unknown = harness().value("session", "no-such-session").value("message", "hi").run();
        assertThat(unknown.error()).get().isInstanceOf(NotFoundException.class);

        SkillRun unreadable = harness().models(new FakeModelGateway().onOcr(""))
                .file("photo", dev.atrium.sdk.Media.of("blank.png", "image/png", new byte[] {1, 2, 3})).run();
        assertThat(unreadable.error().get()).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no problem text could be read");
        assertThat(((BadInputException) unreadable.error().get()).input()).hasValue("photo");
    }
}
