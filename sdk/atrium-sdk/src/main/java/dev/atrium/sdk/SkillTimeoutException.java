package dev.atrium.sdk;

/**
 * A call or the whole run took longer than allowed (HTTP 504).
 *
 * @since 0.1
 */
public class SkillTimeoutException extends SkillException {

    /** Creates the error with a message a user can act on. */
    public SkillTimeoutException(String message) {
        super("timeout", message, null);
    }

    /** Creates the error with a message and its cause. */
    public SkillTimeoutException(String message, Throwable cause) {
        super("timeout", message, cause);
    }
}
