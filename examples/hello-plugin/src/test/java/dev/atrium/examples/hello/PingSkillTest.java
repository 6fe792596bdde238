package dev.atrium.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.testkit.SkillHarness;
import dev.atrium.sdk.testkit.SkillRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PingSkillTest {

    @Test
    void pingAnswersPongAndNothingElse() {
        SkillRun run = SkillHarness.of(new PingSkill()).run();

        assertThat(run.succeeded()).isTrue();
        assertThat(run.events()).containsExactly(SkillEvent.result(Map.of("pong", true)));
        assertThat(run.resultMap()).containsExactly(Map.entry("pong", true));
    }

    @Test
    void pingTakesNoInputs() {
        assertThat(new PingSkill().spec().id()).isEqualTo("ping");
        assertThat(new PingSkill().spec().inputs()).isEmpty();
    }

    @Test
    void pingCanRunManyTimesFromOneInstance() {
        PingSkill ping = new PingSkill();
        SkillHarness harness = SkillHarness.of(ping);

        for (int i = 0; i < 20; i++) {
            assertThat(harness.run().resultMap()).containsEntry("pong", true);
        }
    }
}
