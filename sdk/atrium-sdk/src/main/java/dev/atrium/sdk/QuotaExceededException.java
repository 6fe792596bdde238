package dev.atrium.sdk;

/**
 * A write would take the plugin past a quota its administrator set, such as its storage allowance
 * (HTTP 507). Nothing was written.
 *
 * @since 0.1
 */
public class QuotaExceededException extends SkillException {

    /** Creates the error with a message a user can act on. */
    public QuotaExceededException(String message) {
        super("quota-exceeded", message, null);
    }
}
