package dev.atrium.platform.lab;

import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.document.Block;
import dev.atrium.sdk.document.DocumentContent;
import dev.atrium.sdk.text.Summary;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;

/** Summarises text offline and writes the summary as a DOCX: exercises the text tools and document kit. */
@org.pf4j.Extension
public class DigestSkill implements Skill {

    @Override
    public SkillSpec spec() {
        return SkillSpec.builder("digest").title("Digest").input(InputSpec.longText("text").required()).build();
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        String text = input.requireText("text");
        Summary summary = context.text().summarize(text, 2);
        List<String> keywords = context.text().keywords(text, 5).stream().map(k -> k.term()).toList();
        var docx = context.documents().writeDocx("summary.docx", new DocumentContent("Summary",
                List.of(new Block.Heading(1, "Summary"), new Block.Paragraph(summary.text()),
                        new Block.BulletList(keywords)), "", ""));
        return Flux.just(SkillEvent.artifact(docx), SkillEvent.result(Map.of(
                "summary", summary.text(), "engine", summary.engine().model(),
                "language", context.text().language(text), "keywords", keywords)));
    }
}
