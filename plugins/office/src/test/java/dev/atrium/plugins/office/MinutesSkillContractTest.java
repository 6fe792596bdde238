package dev.atrium.plugins.office;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillContract;
import dev.atrium.sdk.testkit.SkillHarness;

/**
 * Minutes meet the testkit's skill contract. The model is scripted with an answer that does not fit, so valid
 * input takes the fallback to the offline extraction, and the cancellation check cancels a run waiting on it.
 */
class MinutesSkillContractTest implements SkillContract {

    @Override
    public Skill skill() {
        return new MinutesSkill();
    }

    @Override
    public SkillHarness withValidInput(SkillHarness harness) {
        return harness.value("date", "2026-11-27").value("transcript", """
                Alice: We decided to keep the battery supplier.
                Bob: I will send the estimate by Friday.
                Carol: Who owns the launch checklist?""");
    }

    @Override
    public void scriptModels(FakeModelGateway models) {
        models.onStructuredJson("{\"unexpected\": true}");
    }
}
