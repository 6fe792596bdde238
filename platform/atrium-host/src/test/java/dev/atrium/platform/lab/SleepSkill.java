package dev.atrium.platform.lab;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.util.Map;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/** Blocks for the given seconds, checking for cancellation: the slow skill cancellation tests need. */
@Extension
public class SleepSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("sleep").title("Sleep")
                .input(InputSpec.number("seconds").required().range(0.0, 600.0))
                .build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            sink.next(SkillEvent.progress(1, "sleeping"));
            long until = System.nanoTime() + (long) (input.number("seconds").orElse(1.0) * 1e9);
            while (System.nanoTime() < until) {
                if (context.cancellation().isCancelled()) {
                    sink.error(new dev.atrium.sdk.RunCancelledException());
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    sink.error(new dev.atrium.sdk.RunCancelledException());
                    return;
                }
            }
            sink.next(SkillEvent.result(Map.of("slept", true)));
            sink.complete();
        });
    }
}
