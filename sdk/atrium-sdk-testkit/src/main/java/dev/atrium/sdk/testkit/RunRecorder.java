package dev.atrium.sdk.testkit;

import dev.atrium.sdk.SkillEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Collects the events of one run from whichever thread emits them, and its single outcome. Once the run
 * has ended (completed, failed, cancelled or timed out) later events and outcomes are ignored, as the host
 * ignores what a disposed run still emits.
 */
final class RunRecorder {

    private final List<SkillEvent> events = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private Throwable error;
    private boolean cancelled;
    private boolean finished;

    synchronized void event(SkillEvent event) {
        if (!finished) {
            events.add(event);
        }
    }

    synchronized void complete() {
        end(null, false);
    }

    synchronized void fail(Throwable failure) {
        end(failure, false);
    }

    /** Ends the run from outside; false if it had already ended on its own. */
    synchronized boolean interrupt(Throwable reason, boolean byCancellation) {
        return end(reason, byCancellation);
    }

    boolean await(Duration limit) throws InterruptedException {
        return ended.await(Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
    }

    synchronized List<SkillEvent> events() {
        return List.copyOf(events);
    }

    synchronized Throwable error() {
        return error;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    private boolean end(Throwable failure, boolean byCancellation) {
        if (finished) {
            return false;
        }
        finished = true;
        error = failure;
        cancelled = byCancellation;
        ended.countDown();
        return true;
    }
}
