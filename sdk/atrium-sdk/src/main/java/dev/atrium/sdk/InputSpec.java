package dev.atrium.sdk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One typed input of a skill.
 *
 * @param id stable identifier: the JSON property or the multipart part name
 * @param type the kind of value
 * @param label short human label
 * @param description help text, may be empty
 * @param required whether a run without it is refused
 * @param defaultValue value used when absent, or {@code null}
 * @param options allowed values of a {@link InputType#CHOICE}
 * @param min lower bound of a {@link InputType#NUMBER}, or {@code null}
 * @param max upper bound of a {@link InputType#NUMBER}, or {@code null}
 * @param accept accepted media types of a file input ({@code image/*} patterns allowed); empty accepts any
 * @param maxBytes size limit per file in bytes
 * @param maxFiles how many files a {@link InputType#FILES} input takes
 * @since 0.1
 */
public record InputSpec(String id, InputType type, String label, String description, boolean required,
                        Object defaultValue, List<String> options, Double min, Double max,
                        List<String> accept, long maxBytes, int maxFiles) {

    /** Default size limit of a file input: 25 MB. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

    /** Validates and normalises the declaration. */
    public InputSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!id.matches("[a-zA-Z][a-zA-Z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("input id must be a short identifier: " + id);
        }
        label = label == null || label.isBlank() ? id : label;
        description = description == null ? "" : description;
        options = options == null ? List.of() : List.copyOf(options);
        accept = accept == null ? List.of()
                : accept.stream().map(a -> a.toLowerCase(Locale.ROOT).split(";")[0].trim()).toList();
        maxBytes = maxBytes <= 0 ? DEFAULT_MAX_BYTES : maxBytes;
        maxFiles = type == InputType.FILES ? (maxFiles <= 0 ? 10 : maxFiles) : 1;
        if (type == InputType.CHOICE && options.isEmpty()) {
            throw new IllegalArgumentException("choice input " + id + " needs options");
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("input " + id + " has min > max");
        }
    }

    /** Whether a file of the given media type is accepted by this input. */
    public boolean accepts(String mediaType) {
        if (accept.isEmpty()) {
            return true;
        }
        String type = mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        for (String pattern : accept) {
            if (pattern.equals("*/*") || pattern.equals(type)
                    || (pattern.endsWith("/*") && type.startsWith(pattern.substring(0, pattern.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value a skill sees for a raw JSON or form value of this (non-file) input: text as a string, a number
     * as a {@code Long} when whole and a {@code Double} otherwise, a boolean as a {@code Boolean} (form values
     * {@code on/off/1/0} included), a choice as one of its options. Hosts and the testkit call this, so a
     * skill sees the same values everywhere.
     *
     * @param raw the value as received, not null
     * @return the normalised value
     * @throws BadInputException naming this input if the value does not fit
     */
    public Object coerce(Object raw) {
        switch (type) {
            case TEXT, LONG_TEXT -> {
                if (raw instanceof Map<?, ?> || raw instanceof Iterable<?> || raw.getClass().isArray()) {
                    throw invalid("must be text");
                }
                return raw.toString();
            }
            case NUMBER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(raw.toString().trim());
                } catch (NumberFormatException e) {
                    throw invalid("must be a number, got '" + raw + "'");
                }
                if (min != null && number.doubleValue() < min) {
                    throw invalid("must be at least " + min + ", got " + raw);
                }
                if (max != null && number.doubleValue() > max) {
                    throw invalid("must be at most " + max + ", got " + raw);
                }
                boolean whole = number.stripTrailingZeros().scale() <= 0
                        && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0;
                return whole ? (Object) number.longValueExact() : (Object) number.doubleValue();
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    return b;
                }
                return switch (raw.toString().trim().toLowerCase(Locale.ROOT)) {
                    case "true", "on", "1" -> true;
                    case "false", "off", "0" -> false;
                    default -> throw invalid("must be true or false, got '" + raw + "'");
                };
            }
            case CHOICE -> {
                if (!options.contains(raw.toString())) {
                    throw invalid("must be one of " + options + ", got '" + raw + "'");
                }
                return raw.toString();
            }
            default -> throw invalid("is a file input: send a file, not a value");
        }
    }

    private BadInputException invalid(String problem) {
        return new BadInputException(id, "input '" + id + "' " + problem);
    }

    /** Starts a single-line text input. */
    public static Builder text(String id) {
        return new Builder(id, InputType.TEXT);
    }

    /** Starts a multi-line text input. */
    public static Builder longText(String id) {
        return new Builder(id, InputType.LONG_TEXT);
    }

    /** Starts a number input. */
    public static Builder number(String id) {
        return new Builder(id, InputType.NUMBER);
    }

    /** Starts a boolean input. */
    public static Builder bool(String id) {
        return new Builder(id, InputType.BOOLEAN);
    }

    /** Starts a choice input with its allowed values. */
    public static Builder choice(String id, String... options) {
        return new Builder(id, InputType.CHOICE).options(options);
    }

    /** Starts a single-file input. */
    public static Builder file(String id) {
        return new Builder(id, InputType.FILE);
    }

    /** Starts a multi-file input. */
    public static Builder files(String id) {
        return new Builder(id, InputType.FILES);
    }

    /** Fluent builder of an {@link InputSpec}. */
    public static final class Builder {
        private final String id;
        private final InputType type;
        private String label;
        private String description;
        private boolean required;
        private Object defaultValue;
        private List<String> options = List.of();
        private Double min;
        private Double max;
        private List<String> accept = List.of();
        private long maxBytes;
        private int maxFiles;

        private Builder(String id, InputType type) {
            this.id = id;
            this.type = type;
        }

        /** Sets the human label. */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Sets the help text. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Marks the input as required. */
        public Builder required() {
            this.required = true;
            return this;
        }

        /** Sets the value used when the input is absent. */
        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        /** Sets the allowed values of a choice. */
        public Builder options(String... values) {
            this.options = List.of(values);
            return this;
        }

        /** Sets the bounds of a number; either may be {@code null}. */
        public Builder range(Double min, Double max) {
            this.min = min;
            this.max = max;
            return this;
        }

        /** Sets the accepted media types of a file input, such as {@code application/pdf} or {@code image/*}. */
        public Builder accept(String... mediaTypes) {
            this.accept = List.of(mediaTypes);
            return this;
        }

        /** Sets the size limit per file in bytes. */
        public Builder maxBytes(long bytes) {
            this.maxBytes = bytes;
            return this;
        }

        /** Sets how many files a multi-file input takes. */
        public Builder maxFiles(int count) {
            this.maxFiles = count;
            return this;
        }

        /** Builds the input declaration. */
        public InputSpec build() {
            return new InputSpec(id, type, label, description, required, defaultValue, options, min, max,
                    accept, maxBytes, maxFiles);
        }
    }
}
