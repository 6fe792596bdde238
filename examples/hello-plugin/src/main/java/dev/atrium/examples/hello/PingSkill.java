package dev.atrium.examples.hello;

import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.util.Map;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Answers {@code {"pong": true}} at once and does nothing else: the platform's throughput benchmark runs it
 * to measure the host's own cost per run.
 *
 * @since 0.1
 */
@Extension
public class PingSkill implements Skill {

    private static final SkillSpec SPEC = SkillSpec.builder("ping")
            .title("Ping")
            .description("Answers pong at once; used to measure the platform's overhead per run.")
            .output(OutputSpec.result("pong", "always true"))
            .build();

    // A cold Flux of one immutable event can be shared by every run: nothing is allocated per call.
    private static final Flux<SkillEvent> PONG = Flux.just(SkillEvent.result(Map.of("pong", true)));

    /**
     * Creates the skill; the host instantiates it through PF4J.
     *
     * @since 0.1
     */
    public PingSkill() {
    }

    /**
     * Describes the ping skill: no inputs, a result with {@code pong}.
     *
     * @since 0.1
     */
    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    /**
     * Emits the pong result and completes.
     *
     * @since 0.1
     */
    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return PONG;
    }
}
