package dev.atrium.plugins.medical;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.OutputSpec;
import dev.atrium.sdk.Skill;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import reactor.core.publisher.Flux;

/**
 * De-identifies clinical text or a document (English and Chinese): every HIPAA Safe Harbor identifier found is
 * replaced by a typed placeholder, dates optionally shifted by one random offset per run or reduced to the
 * year. Runs offline; no model sees the text.
 */
@Extension
public class DeidentifySkill implements Skill {

    private static final SkillSpec SPEC = SkillSpec.builder("deidentify")
            .title("De-identify clinical text")
            .description("Removes names, dates, record and ID numbers, contacts, addresses and the other HIPAA Safe "
                    + "Harbor identifiers from English or Chinese clinical text, with the list of replaced spans.")
            .input(InputSpec.longText("text").label("Text").description("Clinical text; give this or a file."))
            .input(InputSpec.file("file").label("Document").description("TXT, PDF, DOCX, XLSX or CSV.")
                    .accept("text/plain", "text/markdown", "text/csv", ClinicalFiles.PDF, ClinicalFiles.DOCX, ClinicalFiles.XLSX))
            .input(InputSpec.choice("language", "auto", "en", "zh").label("Language").defaultValue("auto"))
            .input(InputSpec.text("names").label("Known names")
                    .description("Names of the patient, relatives or staff, comma-separated: always removed."))
            .input(InputSpec.choice("dates", "placeholder", "shift", "year").label("Dates").defaultValue("placeholder")
                    .description("placeholder: [DATE_n]; shift: moved by one random offset per run; year: the year only."))
            .output(OutputSpec.result("text", "the de-identified text"))
            .output(OutputSpec.result("spans", "type, start and end (in the original text) of each replaced identifier"))
            .output(OutputSpec.result("phiReplaced", "how many identifiers of each type were replaced"))
            .output(OutputSpec.result("language", "en or zh"))
            .timeout(Duration.ofMinutes(2))
            .build();

    /** Creates the skill; the host instantiates it through PF4J. */
    public DeidentifySkill() {
    }

    @Override
    public SkillSpec spec() {
        return SPEC;
    }

    @Override
    public Flux<SkillEvent> run(SkillInput input, SkillContext context) {
        return Flux.create(sink -> {
            Optional<String> pasted = input.text("text").filter(t -> !t.isBlank());
            Optional<Media> file = input.file("file");
            String text;
            if (pasted.isPresent()) {
                text = pasted.get();
            } else if (file.isPresent()) {
                sink.next(SkillEvent.progress(10, "reading " + file.get().name()));
                text = ClinicalFiles.text(file.get(), "file", context);
            } else {
                throw new BadInputException("text", "give the text or a document to de-identify");
            }
            context.cancellation().throwIfCancelled();
            PhiMapping mapping = new PhiMapping();
            PhiGuard.DateMode dates = PhiGuard.DateMode.valueOf(input.text("dates").orElse("placeholder").toUpperCase());
            PhiGuard.Result result = PhiGuard.deidentify(text, names(input.text("names").orElse("")), mapping, dates,
                    shiftDays());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("text", result.text());
            out.put("spans", result.spans().stream().map(s -> Map.of("type", s.type().name(), "start", s.start(),
                    "end", s.end())).toList());
            out.put("phiReplaced", mapping.counts());
            out.put("language", ClinicalFiles.language(input.text("language").orElse("auto"), text));
            sink.next(SkillEvent.progress(100, "done"));
            sink.next(SkillEvent.result(out));
            sink.complete();
        });
    }

    static List<String> names(String names) {
        return Arrays.stream(names.split("[,;，；\\n]")).map(String::strip).filter(n -> !n.isEmpty()).toList();
    }

    /** One offset per run, never zero, up to a year either way; it is not reported, so it cannot be undone. */
    static int shiftDays() {
        SecureRandom random = new SecureRandom();
        int days = 1 + random.nextInt(365);
        return random.nextBoolean() ? days : -days;
    }
}
