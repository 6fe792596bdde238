package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingSummaryTest {

    /** Three subjects in turn — the case, the battery, the launch video — with back-channels between them. */
    private static String longMeeting() {
        String[][] subjects = {
            {"The plastic case of the remote control will be recycled material in three bright colours",
             "Recycled plastic for the case costs a little more but customers like the green story",
             "The case designers want rounded corners so the remote control fits the hand"},
            {"The rechargeable lithium battery lasts about six weeks between two charges",
             "A USB-C port charges the battery fully in less than two hours",
             "Standard AA cells would be cheaper but users hate buying new battery cells"},
            {"The launch video shows a family using the remote control in their living room",
             "Marketing will publish the launch video on social media two weeks before the sale",
             "The video budget covers a small film crew and one day of shooting"}};
        String[] people = {"Anna", "Bob", "Carol"};
        List<String> lines = new ArrayList<>();
        for (String[] subject : subjects) {
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < subject.length; i++) {
                    lines.add(people[i] + ": Um, so " + subject[(i + round) % subject.length].toLowerCase()
                            + ", you know, and the the team agrees on that point today.");
                    lines.add(people[(i + 1) % 3] + ": Yeah.");
                }
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void dropsFillersStuttersAndLeadingSo() {
        assertThat(MeetingSummary.clean("Um , so the the the battery , you know , lasts uh six weeks ."))
                .isEqualTo("so the battery, lasts six weeks.");
        assertThat(MeetingSummary.clean("we 're sure it do n't matter")).isEqualTo("we're sure it don't matter");
        assertThat(MeetingSummary.clean("Do you know when it ships?")).isEqualTo("Do you know when it ships?");
        assertThat(MeetingSummary.clean("嗯，我们决定采用灰度发布。")).isEqualTo("我们决定采用灰度发布。");
    }

    @Test
    void longerMeetingsGetLongerSummariesUpToAHundredAndTwentyWords() {
        assertThat(MeetingSummary.targetWords(0)).isEqualTo(60);
        assertThat(MeetingSummary.targetWords(9000)).isEqualTo(90);
        assertThat(MeetingSummary.targetWords(30000)).isEqualTo(120);
    }

    @Test
    void summaryOfALongMeetingCoversEveryPartWithoutFillersOrBackChannels() {
        SkillRun run = SkillHarness.of(new MinutesSkill()).timeout(Duration.ofMinutes(2))
                .value("transcript", longMeeting()).value("date", "2026-11-24").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        String summary = (String) run.resultMap().get("summary");
        assertThat(summary).startsWith("The meeting was about ");
        assertThat(summary).containsIgnoringCase("case").containsIgnoringCase("battery").containsIgnoringCase("video");
        assertThat(summary).doesNotContainPattern("(?i)\\bum\\b|you know|\\bthe the\\b|Yeah\\.");
        assertThat(summary.split("(?<=[.!?])\\s+")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aShortMeetingIsSummarisedFromItsOwnSentences() {
        SkillRun run = SkillHarness.of(new MinutesSkill()).value("transcript",
                "Alice: We decided to keep the battery.\nBob: I will send the estimate by Friday.").run();

        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat((String) run.resultMap().get("summary"))
                .isEqualTo("We decided to keep the battery. I will send the estimate by Friday.");
    }
}
