package dev.atrium.examples.hello;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.testkit.SkillContract;

/** Ping meets the contract; it answers at once, so the cancellation check is skipped for it. */
class PingSkillContractTest implements SkillContract {

    @Override
    public Skill skill() {
        return new PingSkill();
    }
}
