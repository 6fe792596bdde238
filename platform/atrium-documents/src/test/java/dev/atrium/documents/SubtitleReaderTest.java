package dev.atrium.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.document.ExtractedDocument;
import dev.atrium.sdk.document.ExtractedDocument.Cue;
import org.junit.jupiter.api.Test;

class SubtitleReaderTest {

    private final OfficeDocumentKit kit = new OfficeDocumentKit();

    @Test
    void webVttVoiceTagsGiveSpeakersAndTimes() {
        String vtt = """
                WEBVTT
                Kind: captions

                NOTE recorded in room 4

                intro
                00:00:01.000 --> 00:00:04.500 align:start
                <v Ann>Welcome &amp; <b>good</b> morning.</v>

                00:04.500 --> 00:07.250
                <v.loud Bob Smith>Thanks, Ann.
                Let's start.

                01:00:00.000 --> 01:00:02.000
                <v Ann>One hour in.
                <v Bob Smith>Already?
                """;

        ExtractedDocument read = kit.read(Media.ofText("meeting.vtt", "text/vtt", vtt));

        assertThat(read.cues()).containsExactly(
                new Cue(1.0, 4.5, "Ann", "Welcome & good morning."),
                new Cue(4.5, 7.25, "Bob Smith", "Thanks, Ann. Let's start."),
                new Cue(3600.0, 3602.0, "Ann", "One hour in."),
                new Cue(3600.0, 3602.0, "Bob Smith", "Already?"));
        assertThat(read.text()).isEqualTo("""
                Ann: Welcome & good morning.
                Bob Smith: Thanks, Ann. Let's start.
                Ann: One hour in.
                Bob Smith: Already?""");
    }

    @Test
    void srtNamePrefixesGiveSpeakersAndCommaTimesAreRead() {
        String srt = "1\r\n00:00:02,500 --> 00:00:05,000\r\nAlice: Hello there.\r\n\r\n"
                + "2\r\n00:00:05,000 --> 00:00:08,125\r\n<i>No speaker here</i>\r\n\r\n"
                + "3\r\n00:00:09,000 --> 00:00:10,000\r\n张三：大家好\r\n";

        ExtractedDocument read = kit.read(Media.ofText("talk.srt", "application/octet-stream", srt));

        assertThat(read.cues()).containsExactly(
                new Cue(2.5, 5.0, "Alice", "Hello there."),
                new Cue(5.0, 8.125, "", "No speaker here"),
                new Cue(9.0, 10.0, "张三", "大家好"));
        assertThat(read.text()).isEqualTo("Alice: Hello there.\nNo speaker here\n张三: 大家好");
    }

    @Test
    void subtitlesAreRecognisedByContentWithoutANameOrType() {
        ExtractedDocument read = kit.read(Media.ofText("upload", null,
                "1\n00:00:01,000 --> 00:00:02,000\nHi\n"));

        assertThat(read.cues()).containsExactly(new Cue(1.0, 2.0, "", "Hi"));
    }

    @Test
    void aHeaderRunningIntoTheFirstCueStillGivesTheCue() {
        ExtractedDocument read = kit.read(Media.ofText("tight.vtt", "text/vtt",
                "WEBVTT\n00:00:00.000 --> 00:00:01.000\n<v Kim>Hi\n"));

        assertThat(read.cues()).containsExactly(new Cue(0.0, 1.0, "Kim", "Hi"));
    }

    @Test
    void aSubtitleFileWithoutCuesIsRefused() {
        assertThatThrownBy(() -> kit.read(Media.ofText("empty.vtt", "text/vtt", "WEBVTT\n\nno cues here\n")))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no subtitle cues");
    }
}
