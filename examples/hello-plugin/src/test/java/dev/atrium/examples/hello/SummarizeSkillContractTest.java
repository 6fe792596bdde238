package dev.atrium.examples.hello;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.FakeModelGateway;
import dev.atrium.sdk.testkit.SkillContract;
import dev.atrium.sdk.testkit.SkillHarness;

// tag::summarize-contract[]
/** The summarize skill keeps the contract every skill keeps: a valid spec, typed errors, cancellation honoured. */
class SummarizeSkillContractTest implements SkillContract {

    @Override
    public Skill skill() {
        return new SummarizeSkill();
    }

    @Override
    public SkillHarness withValidInput(SkillHarness harness) {
        return harness.value("text", "The room opens in March. It has forty seats. Parking is limited.");
    }

    /** With a model scripted, the contract's slow model lets it cancel the run while the skill waits on it. */
    @Override
    public void scriptModels(FakeModelGateway models) {
        models.onChat("A forty-seat room opens in March.");
    }
}
// end::summarize-contract[]
