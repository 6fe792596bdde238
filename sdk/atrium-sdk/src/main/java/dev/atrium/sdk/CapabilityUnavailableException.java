package dev.atrium.sdk;

/**
 * A model capability is not available on this installation, for example chat without a remote provider (HTTP 503).
 *
 * @since 0.1
 */
public class CapabilityUnavailableException extends SkillException {

    /** Creates the error with a message a user can act on. */
    public CapabilityUnavailableException(String message) {
        super("capability-unavailable", message, null);
    }

    /** Creates the error with a message and its cause. */
    public CapabilityUnavailableException(String message, Throwable cause) {
        super("capability-unavailable", message, cause);
    }
}
