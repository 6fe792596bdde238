package dev.atrium.sdk;

/**
 * Something the skill looked up does not exist (HTTP 404).
 *
 * @since 0.1
 */
public class NotFoundException extends SkillException {

    /** Creates the error with a message a user can act on. */
    public NotFoundException(String message) {
        super("not-found", message, null);
    }

    /** Creates the error with a message and its cause. */
    public NotFoundException(String message, Throwable cause) {
        super("not-found", message, cause);
    }
}
