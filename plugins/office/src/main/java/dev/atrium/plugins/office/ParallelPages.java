package dev.atrium.plugins.office;

import dev.atrium.sdk.CancellationSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Pages of a batch read a few at a time. Reading a receipt is mostly one Tesseract process on one core, so a
 * batch read page after page leaves the other cores idle; the embedded engine still bounds how many processes
 * run at once across all runs. Results keep the pages' order; the first failure (bad input, cancellation)
 * fails the whole batch and the pages not started are not read.
 */
final class ParallelPages {

    /** More pages at once than this gains nothing on the machines the platform targets and costs memory. */
    static final int MAX_AT_ONCE = 4;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private ParallelPages() {
    }

    /** How many pages of a batch of {@code pages} are read at once on this machine. */
    static int atOnce(int pages) {
        return Math.max(1, Math.min(pages, Math.min(MAX_AT_ONCE, Runtime.getRuntime().availableProcessors())));
    }

    static <T, R> List<R> map(List<T> items, int atOnce, CancellationSignal cancellation, Function<T, R> work) {
        if (atOnce <= 1 || items.size() <= 1) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
                cancellation.throwIfCancelled();
                out.add(work.apply(item));
            }
            return out;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(atOnce, runnable -> {
            Thread thread = new Thread(runnable, "office-pages-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(items.size());
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    cancellation.throwIfCancelled();
                    return work.apply(item);
                }));
            }
            List<R> out = new ArrayList<>(items.size());
            for (Future<R> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.atrium.sdk.RunCancelledException();
        } finally {
            pool.shutdownNow();
        }
    }
}
