package dev.atrium.sdk;

/**
 * A file's media type is not one the skill can read (HTTP 415).
 *
 * @since 0.1
 */
public class UnsupportedMediaException extends SkillException {

    /** Creates the error with a message a user can act on. */
    public UnsupportedMediaException(String message) {
        super("unsupported-media", message, null);
    }

    /** Creates the error with a message and its cause. */
    public UnsupportedMediaException(String message, Throwable cause) {
        super("unsupported-media", message, cause);
    }
}
