package dev.atrium.platform.runs;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.InputType;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import java.math.BigDecimal;
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
                errors.add(error(key, "unknown input; this skill takes " + spec.inputs().stream().map(InputSpec::id).toList()));
            }
        }
        for (String key : files.keySet()) {
            if (spec.input(key).filter(i -> i.type().isFile()).isEmpty()) {
                errors.add(error(key, "a file was sent for '" + key + "', which is not a file input of this skill"));
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
                Object value = convert(declared, raw);
                input.value(declared.id(), value);
                values.put(declared.id(), value);
            } catch (IllegalArgumentException e) {
                errors.add(error(declared.id(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> first = errors.get(0);
            throw ProblemException.badRequest("bad-input", "Bad input",
                            "input '" + first.get("input") + "' " + first.get("message"))
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

    private static Object convert(InputSpec spec, Object raw) {
        switch (spec.type()) {
            case TEXT, LONG_TEXT -> {
                if (raw instanceof Map || raw instanceof List) {
                    throw new IllegalArgumentException("must be text");
                }
                return raw.toString();
            }
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(raw.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("must be a number, got '" + raw + "'");
                }
                if (spec.min() != null && number.doubleValue() < spec.min()) {
                    throw new IllegalArgumentException("must be at least " + spec.min());
                }
                if (spec.max() != null && number.doubleValue() > spec.max()) {
                    throw new IllegalArgumentException("must be at most " + spec.max());
                }
                return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                        ? (Object) number.longValueExact() : (Object) number.doubleValue();
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                String text = raw.toString().trim().toLowerCase(java.util.Locale.ROOT);
                if (text.equals("true") || text.equals("on") || text.equals("1")) {
                    return true;
                }
                if (text.equals("false") || text.equals("off") || text.equals("0")) {
                    return false;
                }
                throw new IllegalArgumentException("must be true or false, got '" + raw + "'");
            }
            case CHOICE -> {
                String text = raw.toString();
                if (!spec.options().contains(text)) {
                    throw new IllegalArgumentException("must be one of " + spec.options() + ", got '" + text + "'");
                }
                return text;
            }
            default -> throw new IllegalArgumentException("cannot take a value");
        }
    }

    private static Map<String, String> error(String input, String message) {
        return Map.of("input", input, "message", message);
    }
}
