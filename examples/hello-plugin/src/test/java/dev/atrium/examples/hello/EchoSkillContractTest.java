package dev.atrium.examples.hello;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.SkillContract;
import dev.atrium.sdk.testkit.SkillHarness;
import java.util.Set;

/** The echo skill meets the testkit's contract: valid spec, typed errors, cancellation honoured. */
class EchoSkillContractTest implements SkillContract {

    @Override
    public Skill skill() {
        return new EchoSkill();
    }

    @Override
    public SkillHarness withValidInput(SkillHarness harness) {
        return harness.value("text", "hello");
    }

    /** Five words at the longest pause take ten seconds, so cancellation lands mid-stream. */
    @Override
    public SkillHarness withSlowRun(SkillHarness harness) {
        return harness.value("text", "one two three four five").value("delayMs", EchoSkill.MAX_DELAY_MS);
    }

    /** Echo fingerprints any file by design. */
    @Override
    public Set<String> inputsAcceptingAnyFileType() {
        return Set.of("file");
    }
}
