package dev.atrium.examples.hello;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.model.Capability;
import dev.atrium.sdk.model.ChatResult;
import dev.atrium.sdk.text.Summary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * Summarises a text in a few sentences. With a chat model configured (and {@code model.chat} granted) the model
 * writes the summary; otherwise the platform's embedded engine picks the most central sentences. Either way the
 * result names the engine.
 */
// tag::summarize-skill[]
@Extension
public class SummarizeSkill implements Skill {

    private static final SkillSpec SPEC = SkillSpec.builder("summarize")
            .title("Summarize")
            .description("Summarises a text in a few sentences.")
            .input(InputSpec.longText("text").label("Text").required())
            .input(InputSpec.number("sentences").label("Sentences").range(1.0, 10.0).defaultValue(3))
            .output(OutputSpec.result("summary", "the summary"))
            .output(OutputSpec.result("sentences", "the summary's sentences"))
            .output(OutputSpec.result("engine", "what wrote the summary: the embedded engine or a model"))
            .uses(Capability.CHAT)
            .build();

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        // The platform calls run() on a worker thread, so the blocking calls below are fine.
        return Flux.create(sink -> {
            String text = input.requireText("text");
            int count = input.number("sentences").map(Double::intValue).orElse(3);
            context.cancellation().throwIfCancelled();
            Map<String, Object> result = new LinkedHashMap<>();
            if (context.models().isRemote(Capability.CHAT)) {
                sink.next(SkillEvent.progress(30, "asking the model"));
                ChatResult reply = context.models().chat()
                        .system("Summarise the user's text in at most " + count + " sentences. "
                                + "Use only facts stated in the text.")
                        .user(text)
                        .call();
                List<String> sentences = context.text().sentences(reply.text().strip());
                result.put("summary", String.join(" ", sentences));
                result.put("sentences", sentences);
                result.put("engine", reply.engine());
            } else {
                sink.next(SkillEvent.progress(30, "picking the central sentences"));
                Summary summary = context.text().summarize(text, count);
                List<String> sentences = summary.sentences().stream().map(Summary.Sentence::text).toList();
                result.put("summary", String.join(" ", sentences));
                result.put("sentences", sentences);
                result.put("engine", summary.engine());
            }
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }
}
// end::summarize-skill[]
