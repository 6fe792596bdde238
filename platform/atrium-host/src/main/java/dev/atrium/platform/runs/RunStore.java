package dev.atrium.platform.runs;

import java.util.List;
import java.util.Optional;

/** Where runs are kept. In memory for now; a database-backed store replaces it without other changes. */
public interface RunStore {

    /** Adds a new run. */
    void add(Run run);

    /** Tells the store a run became final (it may now be evicted or persisted). */
    void finished(Run run);

    /** The run with the id. */
    Optional<Run> find(String id);

    /**
     * Recent runs, newest first.
     *
     * @param pluginId only this plugin's, or {@code null}
     * @param skillId only this skill's, or {@code null}
     * @param status only runs in this status, or {@code null}
     * @param limit at most this many
     */
    List<Run> recent(String pluginId, String skillId, RunStatus status, int limit);

    /** Runs not yet final. */
    List<Run> active();
}
