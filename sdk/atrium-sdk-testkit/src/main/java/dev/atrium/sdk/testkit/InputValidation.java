package dev.atrium.sdk.testkit;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.InputSpec;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.SkillInput;
import dev.atrium.sdk.SkillSpec;
import dev.atrium.sdk.UnsupportedMediaException;
import java.util.List;
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

    /** The value the skill sees, normalised by {@link InputSpec#coerce(Object)} as the host does. */
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
        return spec.coerce(value);
    }
}
