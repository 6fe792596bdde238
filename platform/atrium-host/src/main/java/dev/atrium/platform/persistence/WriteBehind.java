package dev.atrium.platform.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Writes to the database off the request path, in order, batching whatever queued up while the previous
 * batch was being written into one transaction. A busy host therefore pays one commit (one fsync on
 * PostgreSQL) per batch instead of one per write, and an idle one writes each change at once.
 * {@link #flushed()} lets a reader see everything written before it asked.
 */
public final class WriteBehind {

    private static final Logger log = LoggerFactory.getLogger(WriteBehind.class);
    private static final int MAX_BATCH = 512;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final String name;
    private final Queue<Function<DatabaseClient, Mono<?>>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final List<Waiter> waiters = new ArrayList<>();

    public WriteBehind(DatabaseClient db, TransactionalOperator tx, String name) {
        this.db = db;
        this.tx = tx;
        this.name = name;
    }

    /** Queues a write; it runs after every write queued before it. */
    public void submit(Function<DatabaseClient, Mono<?>> write) {
        // Counted and queued together, so a flush waits for exactly the writes submitted before it.
        synchronized (queue) {
            queue.add(write);
            submitted.incrementAndGet();
        }
        drain();
    }

    /** Completes once every write submitted before this call is in the database (or failed and logged). */
    public Mono<Void> flushed() {
        long target = submitted.get();
        if (written.get() >= target) {
            return Mono.empty();
        }
        return Mono.create(sink -> {
            synchronized (waiters) {
                if (written.get() >= target) {
                    sink.success();
                } else {
                    waiters.add(new Waiter(target, sink));
                }
            }
        });
    }

    /** Waits up to the limit for the queue to empty, for an orderly shutdown. */
    public void close(Duration limit) {
        try {
            flushed().block(limit);
        } catch (RuntimeException e) {
            log.warn("{}: {} writes not flushed at shutdown: {}", name, submitted.get() - written.get(), e.toString());
        }
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        List<Function<DatabaseClient, Mono<?>>> batch = new ArrayList<>();
        Function<DatabaseClient, Mono<?>> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            draining.set(false);
            // A write may have arrived between the poll and the reset.
            if (!queue.isEmpty()) {
                drain();
            }
            return;
        }
        Flux.fromIterable(batch).concatMap(write -> write.apply(db)).then()
                .as(tx::transactional)
                .onErrorResume(error -> {
                    log.warn("{}: a batch of {} writes failed ({}); retrying them one by one", name, batch.size(),
                            error.toString());
                    return Flux.fromIterable(batch).concatMap(write -> write.apply(db).then()
                            .onErrorResume(e -> {
                                log.error("{}: a write was lost: {}", name, e.toString());
                                return Mono.empty();
                            })).then();
                })
                .doFinally(signal -> {
                    release(written.addAndGet(batch.size()));
                    draining.set(false);
                    if (!queue.isEmpty()) {
                        drain();
                    }
                })
                .subscribe();
    }

    private void release(long upTo) {
        List<MonoSink<Void>> ready = new ArrayList<>();
        synchronized (waiters) {
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter waiter = it.next();
                if (waiter.target <= upTo) {
                    ready.add(waiter.sink);
                    it.remove();
                }
            }
        }
        ready.forEach(MonoSink::success);
    }

    private record Waiter(long target, MonoSink<Void> sink) {
    }
}
