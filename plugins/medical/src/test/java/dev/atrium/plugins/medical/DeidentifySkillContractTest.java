package dev.atrium.plugins.medical;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.SkillContract;
import dev.atrium.sdk.testkit.SkillHarness;

/** De-identification meets the testkit's skill contract, corrupt documents of every accepted type included. */
class DeidentifySkillContractTest implements SkillContract {

    @Override
    public Skill skill() {
        return new DeidentifySkill();
    }

    @Override
    public SkillHarness withValidInput(SkillHarness harness) {
        return harness.value("text", "Olivia Grant (MRN 00483921) was seen on 2024-03-05 by Dr. Hall.");
    }
}
