package dev.atrium.plugins.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AskedSpeakersTest {

    private static List<Turn> spoken(String... speakers) {
        return Arrays.stream(speakers).map(s -> Turn.untimed(s, "words")).toList();
    }

    private static final List<Turn> ICSI = spoken("Grad A", "Professor C", "Grad B", "PhD D");

    @Test
    void aLetterNamesTheSpeakerWhoseLabelEndsInIt() {
        var asked = AskedSpeakers.in("What did C think about the recording equipment?", ICSI);

        assertThat(asked.speakers()).containsExactly("Professor C");
        assertThat(asked.mentions()).containsExactly("c");
    }

    @Test
    void aUniqueRoleNamesItsSpeakerButASharedOneNamesNobody() {
        assertThat(AskedSpeakers.in("What did the professor suggest?", ICSI).speakers()).containsExactly("Professor C");
        assertThat(AskedSpeakers.in("What did the grad students want?", ICSI).any()).isFalse();
    }

    @Test
    void anArticleIsNoSpeaker() {
        assertThat(AskedSpeakers.in("A summary of the discussion about a new microphone, please", ICSI).any()).isFalse();
        assertThat(AskedSpeakers.in("what did a participant say about b?", ICSI).any()).isFalse();
    }

    @Test
    void severalSpeakersAndWholeLabelsAreNamed() {
        List<Turn> ami = spoken("Project Manager", "Marketing", "Industrial Designer", "User Interface");

        assertThat(AskedSpeakers.in("What did the project manager and Marketing think of the price?", ami).speakers())
                .containsExactlyInAnyOrder("Project Manager", "Marketing");
        assertThat(AskedSpeakers.in("What did Carol say?", spoken("Carol Smith", "Bob Jones")).speakers())
                .containsExactly("Carol Smith");
    }

    @Test
    void aRoleThatIsAlsoATopicNamesNobodyUnlessItSpoke() {
        List<Turn> ami = spoken("Project Manager", "Marketing", "Industrial Designer", "User Interface");

        assertThat(AskedSpeakers.in("Summarize the presentations on remote components, user interface and market trends",
                ami).any()).isFalse();
        assertThat(AskedSpeakers.in("What did Industrial Designer think of the scroll wheel when presenting the user "
                + "interface?", ami).speakers()).containsExactly("Industrial Designer");
        assertThat(AskedSpeakers.in("What was Marketing's view on the price?", ami).speakers())
                .containsExactly("Marketing");
    }

    @Test
    void chineseNamesAreFoundInsideTheQuestion() {
        var asked = AskedSpeakers.in("李四对性能测试怎么看？", spoken("张三", "李四", "王五"));

        assertThat(asked.speakers()).containsExactly("李四");
    }

    @Test
    void withASingleSpeakerNamingNarrowsNothing() {
        assertThat(AskedSpeakers.in("What did Anna say?", spoken("Anna", "Anna")).any()).isFalse();
    }
}
