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
}
