package dev.atrium.platform.lab;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import reactor.core.publisher.Flux;

/** Never finishes describing itself, as a buggy plugin might: the host must not wait for it forever. */
@org.pf4j.Extension
public class HangingSkill implements Skill {

    @Override
    public SkillSpec spec() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("interrupted while hanging");
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.empty();
    }
}
