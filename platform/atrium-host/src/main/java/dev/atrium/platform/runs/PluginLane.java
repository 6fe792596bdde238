package dev.atrium.platform.runs;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A plugin version's own workers: at most {@code limit} runs execute at once, the rest wait in order. Worker
 * threads carry the plugin's class loader as their context class loader; the lane is shut down when the
 * plugin stops or the version is retired, so no thread keeps the class loader alive. While an upgrade's previous
 * version finishes its runs, each version has a lane, so the plugin may briefly run up to twice its limit.
 */
final class PluginLane {

    private final String pluginId;
    private final int limit;
    // Runs started on this lane and not finished: an upgrade waits for them before unloading the version.
    private final Set<Run> open = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor;
    private final Scheduler scheduler;
    private final Queue<Runnable> waiting = new ArrayDeque<>();
    private int running;

    PluginLane(String pluginId, ClassLoader pluginLoader, int limit) {
        this.pluginId = pluginId;
        this.limit = limit;
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "plugin-" + pluginId + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(pluginLoader);
            return thread;
        };
        // One thread per permitted run, plus headroom for runs that hop threads inside the skill.
        this.executor = new ThreadPoolExecutor(limit * 2, limit * 2, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        this.executor.allowCoreThreadTimeOut(true);
        this.scheduler = Schedulers.fromExecutorService(executor, "plugin-" + pluginId);
    }

    String pluginId() {
        return pluginId;
    }

    /** Counts a run as this lane's until it finishes. */
    void track(Run run) {
        open.add(run);
        run.whenFinished().subscribe(finished -> open.remove(finished));
    }

    /** The runs started here that have not finished. */
    Set<Run> openRuns() {
        return Set.copyOf(open);
    }

    Scheduler scheduler() {
        return scheduler;
    }

    /** Runs the start action now if a slot is free, otherwise when one frees up. */
    void submit(Runnable start) {
        synchronized (this) {
            if (running >= limit) {
                waiting.add(start);
                return;
            }
            running++;
        }
        start.run();
    }

    /** Frees a slot and starts the next waiting run, if any. */
    void release() {
        Runnable next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running = Math.max(0, running - 1);
                return;
            }
        }
        next.run();
    }

    void shutdown() {
        synchronized (this) {
            waiting.clear();
        }
        scheduler.dispose();
        executor.shutdownNow();
    }
}
