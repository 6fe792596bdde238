package dev.atrium.sdk.testkit;

import dev.atrium.sdk.CancellationSignal;
import java.util.ArrayList;
import java.util.List;

/** The cancellation signal of one harness run; set by {@code cancelAfter} or the timeout. */
final class RunCancellation implements CancellationSignal {

    private final List<Runnable> actions = new ArrayList<>();
    private volatile boolean cancelled;

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Sets the signal and runs the registered actions; returns what they threw, so nothing is lost. */
    List<RuntimeException> cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return List.of();
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (Runnable action : toRun) {
            try {
                action.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        return failures;
    }
}
