package dev.atrium.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SkillEventTest {

    @Test
    void progressIsClampedIntoZeroToHundred() {
        assertThat(new SkillEvent.Progress(-5, "x").percent()).isZero();
        assertThat(new SkillEvent.Progress(150, "x").percent()).isEqualTo(100);
        assertThat(new SkillEvent.Progress(Integer.MIN_VALUE, "x").percent()).isZero();
        assertThat(new SkillEvent.Progress(Integer.MAX_VALUE, "x").percent()).isEqualTo(100);
        assertThat(new SkillEvent.Progress(42, "x").percent()).isEqualTo(42);
    }

    @Test
    void progressWithoutMessageHasAnEmptyMessage() {
        assertThat(new SkillEvent.Progress(10, null).message()).isEmpty();
    }

    @Test
    void factoriesBuildTheMatchingEventKinds() {
        Media media = Media.ofText("a.txt", "text/plain", "a");

        assertThat(SkillEvent.progress(200, "done")).isEqualTo(new SkillEvent.Progress(100, "done"));
        assertThat(SkillEvent.delta("hi")).isEqualTo(new SkillEvent.TextDelta("hi"));
        assertThat(SkillEvent.artifact(media)).isEqualTo(new SkillEvent.Artifact(media));
        assertThat(SkillEvent.result(1)).isEqualTo(new SkillEvent.Result(1));
        assertThat(SkillEvent.warning("careful")).isEqualTo(new SkillEvent.Warning("careful"));
    }

    @Test
    void eventsWithoutTheirContentAreRejected() {
        assertThatThrownBy(() -> SkillEvent.delta(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SkillEvent.artifact(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SkillEvent.result(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SkillEvent.warning(null)).isInstanceOf(NullPointerException.class);
    }
}
