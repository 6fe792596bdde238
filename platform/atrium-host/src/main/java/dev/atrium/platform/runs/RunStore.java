package dev.atrium.platform.runs;

import dev.atrium.platform.usage.UsageReport;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Where runs are kept: live ones in memory, every one in the database. */
public interface RunStore {

    /** Adds a new run. */
    void add(Run run);

    /** Tells the store a run became final, so its outcome is recorded. */
    void finished(Run run);

    /** The run with the id, or empty. */
    Mono<Run> find(String id);

    /** Runs matching the query, newest first. */
    Mono<List<Run>> recent(RunQuery query);

    /** Completes once every change made before the call is in the database, for reports that query it. */
    Mono<Void> flushed();

    /** Runs of this process not yet final. */
    List<Run> active();
}
