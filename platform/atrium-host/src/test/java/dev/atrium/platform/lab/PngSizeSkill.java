package dev.atrium.platform.lab;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.util.Map;
import reactor.core.publisher.Flux;

/** Takes one small PNG and reports its size: for media type (415) and size limit (413) checks. */
@org.pf4j.Extension
public class PngSizeSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("png-size").title("PNG size")
                .input(InputSpec.file("image").required().accept("image/png").maxBytes(1024))
                .build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        Media image = input.file("image").orElseThrow();
        return Flux.just(SkillEvent.result(Map.of("size", image.size())));
    }
}
