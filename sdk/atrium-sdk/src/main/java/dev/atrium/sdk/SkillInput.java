package dev.atrium.sdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated values and files of one run, with typed access. The host has already checked them
 * against the skill's {@link SkillSpec}: required inputs are present, numbers in range, choices valid,
 * files of an accepted type and size; defaults are filled in.
 *
 * @since 0.1
 */
public final class SkillInput {

    private final Map<String, Object> values;
    private final Map<String, List<Media>> files;

    private SkillInput(Map<String, Object> values, Map<String, List<Media>> files) {
        this.values = Map.copyOf(values);
        Map<String, List<Media>> copy = new LinkedHashMap<>();
        files.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.files = Map.copyOf(copy);
    }

    /** Starts building an input (used by the host and by tests). */
    public static Builder builder() {
        return new Builder();
    }

    /** All non-file values by input id. */
    public Map<String, Object> values() {
        return values;
    }

    /** Whether a value or file was given for the input. */
    public boolean has(String id) {
        return values.containsKey(id) || files.containsKey(id);
    }

    /** A text, long text or choice value. */
    public Optional<String> text(String id) {
        Object value = values.get(id);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** A required text value; a {@link BadInputException} if absent or blank. */
    public String requireText(String id) {
        return text(id).filter(t -> !t.isBlank())
                .orElseThrow(() -> new BadInputException(id, "input '" + id + "' is required"));
    }

    /** A number value. */
    public Optional<Double> number(String id) {
        Object value = values.get(id);
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Optional.of(Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new BadInputException(id, "input '" + id + "' is not a number: " + text);
            }
        }
        return Optional.empty();
    }

    /** A boolean value, {@code false} when absent. */
    public boolean bool(String id) {
        Object value = values.get(id);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** The file of a single-file input. */
    public Optional<Media> file(String id) {
        List<Media> list = files.get(id);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /** The files of an input, empty when none were given. */
    public List<Media> files(String id) {
        return files.getOrDefault(id, List.of());
    }

    /** All files by input id. */
    public Map<String, List<Media>> allFiles() {
        return files;
    }

    /** Builder of a {@link SkillInput}. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, List<Media>> files = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets a value. */
        public Builder value(String id, Object value) {
            values.put(id, value);
            return this;
        }

        /** Adds a file to an input. */
        public Builder file(String id, Media media) {
            files.computeIfAbsent(id, k -> new ArrayList<>()).add(media);
            return this;
        }

        /** Builds the input. */
        public SkillInput build() {
            return new SkillInput(values, files);
        }
    }
}
