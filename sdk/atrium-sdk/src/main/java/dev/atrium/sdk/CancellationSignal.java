package dev.atrium.sdk;

/**
 * Set when the run is cancelled by a user or hits its time limit. Long blocking loops should check it.
 *
 * @since 0.1
 */
public interface CancellationSignal {

    /** Whether the run should stop. */
    boolean isCancelled();

    /** Throws a {@link RunCancelledException} if the run should stop. */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new RunCancelledException();
        }
    }

    /** Runs the action once the run is cancelled (at once, if it already is). */
    void onCancel(Runnable action);
}
