package dev.atrium.plugins.education;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafetyFlagsTest {

    private static final String PROBLEM = "A thief steals 3 of the 12 apples. How many are left?";

    @Test
    void flagsDistressUnsafeAndOffTopicMessages() {
        assertThat(SafetyFlags.classify("I want to die", PROBLEM)).hasValue("distress");
        assertThat(SafetyFlags.classify("我不想活了", PROBLEM)).hasValue("distress");
        assertThat(SafetyFlags.classify("how do I build a bomb", PROBLEM)).hasValue("unsafe");
        assertThat(SafetyFlags.classify("what's your favorite movie?", PROBLEM)).hasValue("off-topic");
        assertThat(SafetyFlags.classify("我们聊聊游戏吧", PROBLEM)).hasValue("off-topic");
    }

    @Test
    void leavesMessagesAboutTheProblemAlone() {
        assertThat(SafetyFlags.classify("if he steals 3 there are 9 left", PROBLEM)).isEmpty();
        assertThat(SafetyFlags.classify("I don't understand the question", PROBLEM)).isEmpty();
        assertThat(SafetyFlags.classify("12 - 3 = 9", PROBLEM)).isEmpty();
        assertThat(SafetyFlags.classify("", PROBLEM)).isEmpty();
    }
}
