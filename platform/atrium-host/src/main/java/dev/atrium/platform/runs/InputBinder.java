package dev.atrium.platform.runs;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Checks a run's values and uploaded files against the skill's spec and builds the {@link SkillInput}:
 * unknown inputs, missing required ones, wrong types, out-of-range numbers and unknown choices are bad
 * input (400, all listed at once); a file of a type the input does not accept is 415; a file over the
 * input's limit is 413. Defaults fill absent values.
 */
public final class InputBinder {

    private InputBinder() {
    }

    /** The bound input and the normalised values to record on the run. */
    public record Bound(SkillInput input, Map<String, Object> values) {
    }

    public static Bound bind(SkillSpec spec, Map<String, Object> rawValues, Map<String, List<StoredFile>> files) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (String key : rawValues.keySet()) {
            if (spec.input(key).isEmpty()) {
                errors.add(error(key, "is not an input of this skill, which takes " + spec.inputs().stream().map(InputSpec::id).toList()));
            }
        }
        for (String key : files.keySet()) {
            if (spec.input(key).filter(i -> i.type().isFile()).isEmpty()) {
                errors.add(error(key, "is not a file input of this skill"));
            }
        }
        SkillInput.Builder input = SkillInput.builder();
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputSpec declared : spec.inputs()) {
            if (declared.type().isFile()) {
                bindFiles(declared, rawValues, files.getOrDefault(declared.id(), List.of()), input, errors);
                continue;
            }
            Object raw = rawValues.get(declared.id());
            if (raw == null || raw instanceof String text && text.isBlank()) {
                raw = declared.defaultValue();
            }
            if (raw == null) {
                if (declared.required()) {
                    errors.add(error(declared.id(), "is required"));
                }
                continue;
            }
            try {
                Object value = declared.coerce(raw);
                input.value(declared.id(), value);
                values.put(declared.id(), value);
            } catch (BadInputException e) {
                errors.add(Map.of("input", declared.id(), "message", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> first = errors.get(0);
            throw ProblemException.badRequest("bad-input", "Bad input", first.get("message"))
                    .with("input", first.get("input")).with("errors", errors);
        }
        return new Bound(input.build(), values);
    }

    private static void bindFiles(InputSpec spec, Map<String, Object> rawValues, List<StoredFile> given,
                                  SkillInput.Builder input, List<Map<String, String>> errors) {
        if (rawValues.containsKey(spec.id())) {
            errors.add(error(spec.id(), "is a file input: send it as a multipart part named '" + spec.id() + "'"));
            return;
        }
        if (given.isEmpty()) {
            if (spec.required()) {
                errors.add(error(spec.id(), "is required: send a file part named '" + spec.id() + "'"));
            }
            return;
        }
        if (given.size() > spec.maxFiles()) {
            errors.add(error(spec.id(), "takes at most " + spec.maxFiles() + " file(s), got " + given.size()));
            return;
        }
        for (StoredFile file : given) {
            if (!spec.accepts(file.mediaType())) {
                throw unsupported(spec, file.name(), file.mediaType());
            }
            if (file.size() > spec.maxBytes()) {
                throw tooLarge(spec, file.name());
            }
            input.file(spec.id(), Media.ofFile(file.name(), file.mediaType(), file.path()));
        }
    }

    /** The 415 problem for a file of a type the input does not accept. */
    public static ProblemException unsupported(InputSpec spec, String fileName, String mediaType) {
        return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media",
                "Unsupported media type", "input '" + spec.id() + "' accepts " + spec.accept()
                + " but '" + fileName + "' is " + mediaType)
                .with("input", spec.id()).with("accepted", spec.accept());
    }

    /** The 413 problem for a file over an input's limit. */
    public static ProblemException tooLarge(InputSpec spec, String fileName) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "File too large",
                "'" + fileName + "' is larger than the " + spec.maxBytes() + " bytes input '" + spec.id() + "' accepts")
                .with("input", spec.id()).with("maxBytes", spec.maxBytes());
    }

    private static Map<String, String> error(String input, String problem) {
        return Map.of("input", input, "message", "input '" + input + "' " + problem);
    }
}
