package dev.atrium.platform.lab;

import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.time.Duration;
import reactor.core.publisher.Flux;

/** Never answers and ignores cancellation; its spec allows one second, so the host must time it out. */
@org.pf4j.Extension
public class StuckSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("stuck").title("Stuck").timeout(Duration.ofSeconds(1)).build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.never();
    }
}
