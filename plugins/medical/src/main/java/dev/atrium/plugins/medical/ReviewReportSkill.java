package dev.atrium.plugins.medical;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * The review workflow of a drafted report, one action per run so the host's audit of this sensitive plugin
 * records every view, edit, signature and amendment: {@code view}, {@code edit} (a new version), {@code sign}
 * (only with {@code confirm}; seals the current version with signer, time and SHA-256) and {@code amend} (a new
 * version referencing the signed one). Answers the document with its versions, and the report as PDF and DOCX:
 * watermarked while unsigned, with the signature block and hash once signed.
 */
@Extension
public class ReviewReportSkill implements Skill {

    private static final Pattern SECTION = Pattern.compile("(?m)^\\s*##\\s*(.+?)\\s*$");

    private static final SkillSpec SPEC = SkillSpec.builder("review-report")
            .title("Review and sign a report")
            .description("Views, edits, signs or amends a report drafted by draft-report. Every action is a new audited "
                    + "version; a signed report never changes, later changes are amendments. Nothing is signed automatically.")
            .input(InputSpec.text("document").label("Document id").required())
            .input(InputSpec.choice("action", "view", "edit", "sign", "amend").label("Action").defaultValue("view"))
            .input(InputSpec.longText("sections").label("Changed sections")
                    .description("For edit and amend: '## SECTION NAME' lines, each followed by the section's new text."))
            .input(InputSpec.text("note").label("Note").description("Reason of an amendment, or a comment on an edit."))
            .input(InputSpec.bool("confirm").label("I have reviewed this report and sign it").defaultValue(false))
            .output(OutputSpec.artifact("report.pdf", ClinicalFiles.PDF, "the current version; watermarked until signed"))
            .output(OutputSpec.artifact("report.docx", ClinicalFiles.DOCX, "the current version as a Word document"))
            .output(OutputSpec.result("document", "the document id"))
            .output(OutputSpec.result("status", "draft, signed or amendment-draft"))
            .output(OutputSpec.result("version", "the current version: number, kind, author, time, sections, signature"))
            .output(OutputSpec.result("versions", "every version's number, kind, author, time and signature"))
            .output(OutputSpec.result("audit", "who viewed, edited, signed and amended it, and when"))
            .timeout(Duration.ofMinutes(2))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public ReviewReportSkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            ReportDocuments documents = new ReportDocuments(context.storage());
            String id = input.requireText("document").strip();
            String user = context.userId();
            Instant now = context.clock().instant();
            String note = input.text("note").orElse("");
            ReportDocument document = switch (input.text("action").orElse("view")) {
                case "edit" -> documents.edit(id, sections(input.text("sections").orElse("")), note, user, now);
                case "amend" -> documents.amend(id, sections(input.text("sections").orElse("")), note, user, now);
                case "sign" -> {
                    if (!input.bool("confirm")) {
                        throw new BadInputException("confirm", "signing needs confirm=true: the signer attests having "
                                + "reviewed the report");
                    }
                    yield documents.sign(id, user, now);
                }
                default -> documents.view(id, user, now);
            };
            ReportDocument.Version current = document.current();
            var content = ReportRendering.content(document, current, "");
            sink.next(SkillEvent.artifact(context.documents().writePdf("report.pdf", content,
                    ReportRendering.pdfOptions(current))));
            sink.next(SkillEvent.artifact(context.documents().writeDocx("report.docx", content)));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("document", document.id());
            result.put("status", document.status());
            result.put("version", current);
            result.put("versions", document.versions().stream().map(v -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("number", v.number());
                m.put("kind", v.kind());
                m.put("author", v.author());
                m.put("time", v.time());
                m.put("amends", v.amends() == null ? "" : v.amends());
                m.put("signature", v.signature() == null ? "" : v.signature());
                return m;
            }).toList());
            result.put("audit", document.audit());
            sink.next(SkillEvent.result(result));
            sink.complete();
        });
    }

    /** "## NAME" blocks into section texts. */
    static List<ReportDocument.SectionText> sections(String text) {
        List<ReportDocument.SectionText> out = new ArrayList<>();
        Matcher m = SECTION.matcher(text);
        List<int[]> heads = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            heads.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        for (int i = 0; i < heads.size(); i++) {
            int end = i + 1 < heads.size() ? heads.get(i + 1)[0] : text.length();
            out.add(new ReportDocument.SectionText(names.get(i).toUpperCase(java.util.Locale.ROOT),
                    text.substring(heads.get(i)[1], end).strip(), List.of()));
        }
        return out;
    }
}
