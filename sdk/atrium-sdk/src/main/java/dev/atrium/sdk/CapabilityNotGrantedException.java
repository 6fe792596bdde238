package dev.atrium.sdk;

/**
 * The plugin asked the host for something its administrator has not granted it, such as a remote chat model
 * when only OCR was granted (HTTP 403). The plugin declares what it needs in {@code plugin.capabilities};
 * an administrator grants it.
 *
 * @since 0.1
 */
public class CapabilityNotGrantedException extends SkillException {

    private final String capability;

    /** Creates the error for the capability that was refused. */
    public CapabilityNotGrantedException(String capability, String message) {
        super("capability-not-granted", message, null);
        this.capability = capability;
    }

    /** The capability that was refused, such as {@code model.chat}. */
    public String capability() {
        return capability;
    }
}
