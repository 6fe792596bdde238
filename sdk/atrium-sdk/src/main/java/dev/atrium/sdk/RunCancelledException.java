package dev.atrium.sdk;

/**
 * Thrown from {@link CancellationSignal#throwIfCancelled()} to unwind a cancelled run.
 *
 * @since 0.1
 */
public class RunCancelledException extends SkillException {

    /** Creates the error. */
    public RunCancelledException() {
        super("cancelled", "the run was cancelled", null);
    }
}
