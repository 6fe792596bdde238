package dev.atrium.platform.lab;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatResult;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;

/** Asks the model gateway a question, plainly or streamed: the skill remote-model tests run. */
@org.pf4j.Extension
public class AskSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("ask").title("Ask")
                .input(InputSpec.text("question").required())
                .input(InputSpec.bool("stream"))
                .uses(Capability.CHAT)
                .build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        String question = input.requireText("question");
        if (!input.bool("stream")) {
            ChatResult answer = context.models().chat().user(question).call();
            return Flux.just(SkillEvent.result(Map.of("answer", answer.text(), "engine", answer.engine().provider()
                    + "/" + answer.engine().model())));
        }
        AtomicReference<StringBuilder> text = new AtomicReference<>(new StringBuilder());
        return context.models().chat().user(question).stream()
                .filter(chunk -> !chunk.text().isEmpty())
                .map(chunk -> {
                    text.get().append(chunk.text());
                    return SkillEvent.delta(chunk.text());
                })
                .concatWith(Flux.defer(() -> Flux.just(SkillEvent.result(Map.of("answer", text.get().toString())))));
    }
}
