package dev.atrium.sdk;

/**
 * Base of the typed errors a skill or an SDK service throws. The host turns each into an RFC 9457
 * problem whose {@code type} ends in {@link #code()}, with the message as its detail; stack traces are
 * never shown to users.
 *
 * @since 0.1
 */
public abstract class SkillException extends RuntimeException {

    private final String code;

    /**
     * @param code stable problem code, such as {@code bad-input}
     * @param message a message a user can act on
     * @param cause the underlying error, or {@code null}
     */
    protected SkillException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The stable problem code. */
    public String code() {
        return code;
    }
}
