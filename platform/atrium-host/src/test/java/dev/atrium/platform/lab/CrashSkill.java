package dev.atrium.platform.lab;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import reactor.core.publisher.Flux;

/** Fails with an unexpected exception, as a buggy plugin would. */
@org.pf4j.Extension
public class CrashSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("crash").title("Crash").build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        throw new IllegalStateException("boom");
    }
}
