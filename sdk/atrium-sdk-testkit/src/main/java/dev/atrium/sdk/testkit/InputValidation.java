package dev.atrium.sdk.testkit;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.UnsupportedMediaException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks given values and files against a skill's inputs the way the host does before a run, and builds
 * the {@link SkillInput} the skill receives: defaults filled in and values normalised as the host does
 * (text to strings, numbers to Long or Double, booleans to Boolean). Unlike the host, which answers 413,
 * a file over its size limit is a {@link BadInputException}: the SDK has no exception of its own for it.
 */
final class InputValidation {

    private InputValidation() {
    }

    static SkillInput validate(SkillSpec skill, Map<String, Object> values, Map<String, List<Media>> files) {
        for (String id : values.keySet()) {
            requireDeclared(skill, id);
        }
        for (String id : files.keySet()) {
            requireDeclared(skill, id);
        }
        SkillInput.Builder input = SkillInput.builder();
        for (InputSpec spec : skill.inputs()) {
            if (spec.type().isFile()) {
                if (values.containsKey(spec.id())) {
                    throw new BadInputException(spec.id(),
                            "input '" + spec.id() + "' takes a file, not a value; pass it with .file(..)");
                }
                for (Media media : checkFiles(spec, files.getOrDefault(spec.id(), List.of()))) {
                    input.file(spec.id(), media);
                }
            } else {
                if (files.containsKey(spec.id())) {
                    throw new BadInputException(spec.id(),
                            "input '" + spec.id() + "' takes a value, not a file; pass it with .value(..)");
                }
                Object value = checkValue(spec, values.get(spec.id()));
                if (value != null) {
                    input.value(spec.id(), value);
                }
            }
        }
        return input.build();
    }

    private static void requireDeclared(SkillSpec skill, String id) {
        if (skill.input(id).isEmpty()) {
            throw new BadInputException(id, "skill '" + skill.id() + "' has no input '" + id + "'");
        }
    }

    private static List<Media> checkFiles(InputSpec spec, List<Media> given) {
        String id = spec.id();
        if (given.isEmpty()) {
            if (spec.required()) {
                throw new BadInputException(id, "input '" + id + "' is required");
            }
            return given;
        }
        if (given.size() > spec.maxFiles()) {
            throw new BadInputException(id, "input '" + id + "' takes at most " + spec.maxFiles() + " file(s), got "
                    + given.size());
        }
        for (Media media : given) {
            if (!spec.accepts(media.mediaType())) {
                // UnsupportedMediaException has no input field, so the input id goes into the message.
                throw new UnsupportedMediaException("input '" + id + "': " + media.name() + " is "
                        + media.mediaType() + ", which is not accepted (accepts " + String.join(", ", spec.accept())
                        + ")");
            }
            if (media.size() > spec.maxBytes()) {
                throw new BadInputException(id, "input '" + id + "': " + media.name() + " is " + media.size()
                        + " bytes, over the limit of " + spec.maxBytes() + " bytes");
            }
        }
        return given;
    }

    /** The value the skill sees: text as a string, a number as a Long or Double, a boolean as a Boolean. */
    private static Object checkValue(InputSpec spec, Object given) {
        String id = spec.id();
        Object value = given;
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            value = spec.defaultValue();
        }
        if (value == null) {
            if (spec.required()) {
                throw new BadInputException(id, "input '" + id + "' is required");
            }
            return null;
        }
        return switch (spec.type()) {
            case NUMBER -> toNumber(spec, value);
            case BOOLEAN -> toBoolean(id, value);
            case CHOICE -> {
                if (!spec.options().contains(value.toString())) {
                    throw new BadInputException(id, "input '" + id + "' must be one of " + spec.options() + ", got '"
                            + value + "'");
                }
                yield value.toString();
            }
            default -> {
                if (value instanceof Map<?, ?> || value instanceof Iterable<?> || value.getClass().isArray()) {
                    throw new BadInputException(id, "input '" + id + "' takes text, got "
                            + value.getClass().getSimpleName());
                }
                yield value.toString();
            }
        };
    }

    private static Object toNumber(InputSpec spec, Object value) {
        String id = spec.id();
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(id, "input '" + id + "' is not a number: '" + value + "'", e);
        }
        if (spec.min() != null && number.doubleValue() < spec.min()) {
            throw new BadInputException(id, "input '" + id + "' must be at least " + spec.min() + ", got " + value);
        }
        if (spec.max() != null && number.doubleValue() > spec.max()) {
            throw new BadInputException(id, "input '" + id + "' must be at most " + spec.max() + ", got " + value);
        }
        // Whole numbers arrive as Long and others as Double, as JSON numbers do on the host.
        boolean whole = number.stripTrailingZeros().scale() <= 0
                && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
        return whole ? (Object) number.longValueExact() : (Object) number.doubleValue();
    }

    private static Boolean toBoolean(String id, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        // Form posts send on/off and 1/0; the host takes those too.
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1" -> true;
            case "false", "off", "0" -> false;
            default -> throw new BadInputException(id, "input '" + id + "' must be true or false, got '" + value + "'");
        };
    }
}
