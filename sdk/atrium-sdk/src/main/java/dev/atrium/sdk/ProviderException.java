package dev.atrium.sdk;

/**
 * A model provider failed or answered something unusable (HTTP 502).
 *
 * @since 0.1
 */
public class ProviderException extends SkillException {

    /** Creates the error with a message a user can act on. */
    public ProviderException(String message) {
        super("provider-error", message, null);
    }

    /** Creates the error with a message and its cause. */
    public ProviderException(String message, Throwable cause) {
        super("provider-error", message, cause);
    }
}
