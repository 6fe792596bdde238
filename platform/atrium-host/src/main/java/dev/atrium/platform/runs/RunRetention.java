package dev.atrium.platform.runs;

import dev.atrium.platform.config.AtriumProperties;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Removes runs that finished longer ago than {@code atrium.runs.retention}: their rows, artifact records and
 * files, so a busy platform does not fill its disk. Usage and audit records are kept.
 */
@Component
public class RunRetention {

    private static final Logger log = LoggerFactory.getLogger(RunRetention.class);
    private static final int BATCH = 500;

    private final DatabaseClient db;
    private final Path runsFolder;
    private final Duration retention;
    private final Disposable sweeps;
    private final PersistentRunStore store;

    public RunRetention(DatabaseClient db, AtriumProperties properties, PersistentRunStore store) {
        this.db = db;
        this.store = store;
        this.runsFolder = properties.home().resolve("runs");
        this.retention = properties.runs().retention();
        // The store marks interrupted runs first (it is a constructor dependency), so they age out too.
        Duration every = properties.runs().retentionSweep();
        this.sweeps = Flux.interval(every, every, Schedulers.boundedElastic())
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    log.warn("Run retention sweep failed: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** Removes one batch of expired runs after another until none is left; emits how many went. */
    Mono<Integer> sweep() {
        long before = Instant.now().minus(retention).toEpochMilli();
        return db.sql("SELECT id FROM runs WHERE finished_at IS NOT NULL AND finished_at < :before ORDER BY finished_at "
                        + "LIMIT " + BATCH)
                .bind("before", before)
                .map(r -> r.get("id", String.class)).all().collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0) : remove(ids)
                        .then(sweep().map(more -> more + ids.size())));
    }

    private Mono<Void> remove(List<String> ids) {
        return Flux.fromIterable(ids)
                .concatMap(id -> db.sql("DELETE FROM artifacts WHERE run_id = :id").bind("id", id).then()
                        .then(db.sql("DELETE FROM runs WHERE id = :id").bind("id", id).then())
                        .then(Mono.fromRunnable(() -> store.forget(id)))
                        .then(Mono.fromRunnable(() -> deleteFolder(runsFolder.resolve(id)))
                                .subscribeOn(Schedulers.boundedElastic())))
                .then(Mono.fromRunnable(() -> log.info("Removed {} runs older than {}", ids.size(), retention)));
    }

    @PreDestroy
    void stop() {
        sweeps.dispose();
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", folder, e.toString());
        }
    }
}
