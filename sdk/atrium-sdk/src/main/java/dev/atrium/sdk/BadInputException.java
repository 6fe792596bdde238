package dev.atrium.sdk;

import java.util.Optional;

/**
 * The input cannot be used: a value is missing, malformed or out of range, or a file is corrupt
 * (HTTP 400). Names the offending input when there is one.
 *
 * @since 0.1
 */
public class BadInputException extends SkillException {

    private final String input;

    /** Creates the error without naming an input. */
    public BadInputException(String message) {
        this(null, message, null);
    }

    /** Creates the error for one input. */
    public BadInputException(String input, String message) {
        this(input, message, null);
    }

    /** Creates the error for one input with its cause. */
    public BadInputException(String input, String message, Throwable cause) {
        super("bad-input", message, cause);
        this.input = input;
    }

    /** The offending input's id, if known. */
    public Optional<String> input() {
        return Optional.ofNullable(input);
    }
}
