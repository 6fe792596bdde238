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
        assertThat(asked.mentions()).containsExactly("C");
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
    void rolesSpokenOfAsTopicsNameNobody() {
        List<Turn> ami = spoken("Project Manager", "Marketing", "Industrial Designer", "User Interface");

        for (String question : List.of("Was the user interface discussed?",
                "Should the user interface include a scroll wheel?", "What did the user study show?",
                "What did the interface look like?", "What did the project budget end up being?",
                "What was the industrial design decision?", "Summarize the user interface presentation",
                "Which suggestion did the marketing department reject?", "Does the user interface feel intuitive?",
                "What about the marketing talk on trends?", "How did marketing and sales budgets raise concerns?",
                "What did the user interface designer say?")) {
            assertThat(AskedSpeakers.in(question, ami).any()).as(question).isFalse();
        }
        assertThat(AskedSpeakers.in("According to Marketing, what do users want?", ami).speakers())
                .containsExactly("Marketing");
        assertThat(AskedSpeakers.in("How did PhD B approach the back-end?", spoken("PhD A", "PhD B")).speakers())
                .containsExactly("PhD B");
        assertThat(AskedSpeakers.in("What was it that Marketing suggested?", ami).speakers()).containsExactly("Marketing");
        assertThat(AskedSpeakers.in("What did the project manager and Marketing think?", ami).speakers())
                .containsExactlyInAnyOrder("Project Manager", "Marketing");
    }

    @Test
    void singleLetterLabelsAreNamedOnlyAsCapitals() {
        List<Turn> letters = spoken("A", "B", "C");

        for (String question : List.of("What was a major concern?", "Did a decision get made?",
                "What did a customer say about b?", "A proposed change to the plan: was it accepted?")) {
            assertThat(AskedSpeakers.in(question, letters).any()).as(question).isFalse();
        }
        assertThat(AskedSpeakers.in("What did A say about B's plan?", letters).speakers()).containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void chineseNamesAreFoundInsideTheQuestion() {
        var asked = AskedSpeakers.in("李四对性能测试怎么看？", spoken("张三", "李四", "王五"));

        assertThat(asked.speakers()).containsExactly("李四");
    }

    @Test
    void aChineseQuestionNamesLatinLabelledSpeakers() {
        assertThat(AskedSpeakers.in("B对电池怎么看？", spoken("A", "B")).speakers()).containsExactly("B");
        assertThat(AskedSpeakers.in("Grad A说了什么？", ICSI).speakers()).containsExactly("Grad A");
    }

    @Test
    void sayingWordsAreNoSubject() {
        assertThat(AskedSpeakers.sayingWord("suggest")).isTrue();
        assertThat(AskedSpeakers.sayingWord("view")).isTrue();
        assertThat(AskedSpeakers.sayingWord("battery")).isFalse();
    }

    @Test
    void withASingleSpeakerNamingNarrowsNothing() {
        assertThat(AskedSpeakers.in("What did Anna say?", spoken("Anna", "Anna")).any()).isFalse();
    }
}
