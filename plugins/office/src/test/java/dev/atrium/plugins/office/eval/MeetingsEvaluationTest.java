package dev.atrium.plugins.office.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeetingsEvaluationTest {

    private static final Map<String, Object> MEETING = Map.of(
            "meeting_transcripts", List.of(
                    Map.of("speaker", "Grad E", "content", "I guess ."),
                    Map.of("speaker", "Professor B", "content", "{vocalsound}"),
                    Map.of("speaker", "PhD C", "content", "So the {disfmarker} the parser works .")),
            "general_query_list", List.of(
                    Map.of("query", "What did Professor B say about the parser?", "answer", "Not much."),
                    Map.of("query", "Summarize the whole meeting.", "answer", "The team discussed the parser.")));

    @Test
    void writesSpeakerLinesWithoutAnnotationMarksOrEmptyTurns() {
        assertThat(MeetingsEvaluation.transcript(MEETING))
                .isEqualTo("Grad E: I guess .\nPhD C: So the the parser works .\n");
    }

    @Test
    void takesTheReferenceOfTheQueryAskingForTheWholeMeeting() {
        assertThat(MeetingsEvaluation.wholeMeetingSummary(MEETING)).isEqualTo("The team discussed the parser.");
    }

    @Test
    void referenceTopicsStartAtTheirSpansAndGapsBelongToTheTopicBefore() {
        Map<String, Object> meeting = Map.of(
                "meeting_transcripts", List.of(
                        Map.of("speaker", "A", "content", "intro"), Map.of("speaker", "B", "content", "one"),
                        Map.of("speaker", "A", "content", "{vocalsound}"), Map.of("speaker", "B", "content", "two"),
                        Map.of("speaker", "A", "content", "gap"), Map.of("speaker", "B", "content", "three"),
                        Map.of("speaker", "A", "content", "four")),
                "topic_list", List.of(
                        Map.of("topic", "first", "relevant_text_span", List.of(List.of("1", "3"))),
                        Map.of("topic", "second", "relevant_text_span", List.of(List.of("5", "6")))));

        List<Integer> kept = MeetingsEvaluation.keptTurns(meeting);

        assertThat(kept).containsExactly(0, 1, 3, 4, 5, 6);
        assertThat(MeetingsEvaluation.referenceTopics(meeting, kept)).containsExactly(0, 0, 0, 0, 1, 1);
    }

    @Test
    void readsTheTopicOfEveryTurnFromTheTopicSources() {
        Map<String, Object> result = Map.of("topics", List.of(Map.of("source", "turns 1–3"), Map.of("source", "turn 4"),
                Map.of("source", "turns 5–6")));

        assertThat(MeetingsEvaluation.foundTopics(result, 6)).containsExactly(0, 0, 0, 1, 2, 2);
        assertThat(MeetingsEvaluation.foundTopics(result, 7)).isNull();
    }

    @Test
    void pkAndWindowDiffAreZeroForTheReferenceAndCountMissedBoundaries() {
        int[] reference = {0, 0, 0, 0, 1, 1, 1, 1};
        int[] none = {0, 0, 0, 0, 0, 0, 0, 0};
        int[] late = {0, 0, 0, 0, 0, 1, 1, 1};

        assertThat(MeetingsEvaluation.pkWindow(reference)).isEqualTo(2);
        assertThat(MeetingsEvaluation.pk(reference, reference, 2)).isZero();
        assertThat(MeetingsEvaluation.windowDiff(reference, reference, 2)).isZero();
        // Probes (i, i + 2) for i = 0..5: those starting at 2 and 3 straddle the boundary.
        assertThat(MeetingsEvaluation.pk(reference, none, 2)).isEqualTo(2.0 / 6);
        assertThat(MeetingsEvaluation.windowDiff(reference, none, 2)).isEqualTo(2.0 / 6);
        // A boundary one turn late: the probes from turns 2 and 4 disagree.
        assertThat(MeetingsEvaluation.pk(reference, late, 2)).isEqualTo(2.0 / 6);
        assertThat(MeetingsEvaluation.windowDiff(reference, late, 2)).isEqualTo(2.0 / 6);
        assertThat(MeetingsEvaluation.segments(late)).isEqualTo(2);
    }

    @Test
    void equalWindowsAreTheOldThreeToSixParts() {
        assertThat(MeetingsEvaluation.segments(MeetingsEvaluation.equalWindows(5))).isEqualTo(1);
        assertThat(MeetingsEvaluation.segments(MeetingsEvaluation.equalWindows(9))).isEqualTo(3);
        assertThat(MeetingsEvaluation.segments(MeetingsEvaluation.equalWindows(500))).isEqualTo(6);
    }
}
