package dev.atrium.platform.runs;

import dev.atrium.sdk.CancellationSignal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One call of a skill: its inputs, status, events, result and artifacts. Events are kept and replayed to
 * every subscriber from the start; the event stream completes after the final status.
 */
public final class Run {

    private final String id;
    private final String pluginId;
    private final String skillId;
    private final String pluginVersion;
    private final String tenantId;
    private final String userId;
    private Instant createdAt;
    private final Map<String, Object> inputValues;
    private final List<StoredFile> inputFiles;
    private final Path folder;
    private final Clock clock;

    private final List<RunEvent> events = new ArrayList<>();
    private final Sinks.Many<RunEvent> live = Sinks.many().replay().all();
    private final Sinks.One<Run> finished = Sinks.one();
    private final Map<String, StoredFile> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Cancellation cancellation = new Cancellation();
    private final RunUsage usage = new RunUsage();

    private volatile RunStatus status = RunStatus.QUEUED;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile Object result;
    private volatile Map<String, Object> error;
    private volatile Disposable execution;
    // Usage of a run read back from the database; live runs count theirs in {@link #usage}.
    private volatile Map<String, Object> restoredUsage;

    Run(String id, String pluginId, String skillId, String pluginVersion, String tenantId, String userId,
        Map<String, Object> inputValues, List<StoredFile> inputFiles, Path folder, Clock clock) {
        this.id = id;
        this.pluginId = pluginId;
        this.skillId = skillId;
        this.pluginVersion = pluginVersion;
        this.tenantId = tenantId;
        this.userId = userId;
        this.inputValues = Collections.unmodifiableMap(new LinkedHashMap<>(inputValues));
        this.inputFiles = List.copyOf(inputFiles);
        this.folder = folder;
        this.clock = clock;
        this.createdAt = clock.instant();
    }

    public String id() {
        return id;
    }

    public String pluginId() {
        return pluginId;
    }

    public String skillId() {
        return skillId;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    public String tenantId() {
        return tenantId;
    }

    public String userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public RunStatus status() {
        return status;
    }

    public Object result() {
        return result;
    }

    public Map<String, Object> error() {
        return error;
    }

    public Map<String, Object> inputValues() {
        return inputValues;
    }

    public List<StoredFile> inputFiles() {
        return inputFiles;
    }

    /** The run's folder for stored inputs and artifacts (created on first use). */
    public Path folder() {
        return folder;
    }

    public List<StoredFile> artifacts() {
        synchronized (artifacts) {
            return List.copyOf(artifacts.values());
        }
    }

    public StoredFile artifact(String name) {
        return artifacts.get(name);
    }

    /** Model calls, tokens, cost and engines used so far. */
    public Map<String, Object> usage() {
        Map<String, Object> restored = restoredUsage;
        return restored != null ? restored : usage.view();
    }

    /**
     * A finished run read back from the database: its events replay and its stream completes at once.
     *
     * @param state what was recorded when the run finished
     */
    static Run restored(String id, String pluginId, String skillId, String pluginVersion, String tenantId,
                        String userId, Map<String, Object> inputValues, List<StoredFile> inputFiles, Path folder,
                        Recorded state) {
        Run run = new Run(id, pluginId, skillId, pluginVersion, tenantId, userId, inputValues, inputFiles, folder,
                Clock.systemUTC());
        run.createdAt = state.createdAt();
        run.startedAt = state.startedAt();
        run.finishedAt = state.finishedAt();
        run.result = state.result();
        run.error = state.error();
        run.restoredUsage = state.usage();
        state.artifacts().forEach(run::addArtifact);
        synchronized (run) {
            for (RunEvent event : state.events()) {
                run.events.add(event);
                run.live.tryEmitNext(event);
            }
            run.status = state.status();
            run.live.tryEmitComplete();
        }
        run.finished.tryEmitValue(run);
        return run;
    }

    /** What the database keeps of a run beyond its identity and inputs. */
    record Recorded(RunStatus status, Instant createdAt, Instant startedAt, Instant finishedAt, Object result,
                    Map<String, Object> error, Map<String, Object> usage, List<RunEvent> events,
                    List<StoredFile> artifacts) {
    }

    void addModelCall(dev.atrium.platform.usage.ModelCall call) {
        usage.add(call);
    }

    CancellationSignal cancellation() {
        return cancellation;
    }

    /** A snapshot of the events so far. */
    public synchronized List<RunEvent> events() {
        return List.copyOf(events);
    }

    /** Every event from the first, then live ones; completes after the final status. */
    public Flux<RunEvent> eventStream() {
        return live.asFlux();
    }

    /** Emits the run once it is final. */
    public Mono<Run> whenFinished() {
        return finished.asMono();
    }

    synchronized void emit(String type, Object data) {
        if (status.isFinal()) {
            return;
        }
        RunEvent event = new RunEvent(events.size() + 1L, type, clock.instant(), data);
        events.add(event);
        live.tryEmitNext(event);
    }

    synchronized boolean markRunning() {
        if (status != RunStatus.QUEUED) {
            return false;
        }
        startedAt = clock.instant();
        status = RunStatus.RUNNING;
        emit("status", Map.of("status", status));
        return true;
    }

    /** Remembers the subscription so cancellation can dispose it; disposes it at once if already final. */
    void attach(Disposable subscription) {
        synchronized (this) {
            if (!status.isFinal()) {
                this.execution = subscription;
                return;
            }
        }
        subscription.dispose();
    }

    void addArtifact(StoredFile artifact) {
        artifacts.put(artifact.name(), artifact);
    }

    void setResult(Object data) {
        this.result = data;
    }

    /**
     * Moves the run to a final status once; later calls do nothing.
     *
     * @param problem the error for unsuccessful runs, or {@code null}
     * @return whether this call finished the run
     */
    boolean finish(RunStatus finalStatus, Map<String, Object> problem) {
        synchronized (this) {
            if (status.isFinal()) {
                return false;
            }
            if (problem != null) {
                error = problem;
                emit("error", problem);
            }
            if (finalStatus == RunStatus.SUCCEEDED) {
                emit("result", result);
            }
            emit("status", Map.of("status", finalStatus));
            finishedAt = clock.instant();
            status = finalStatus;
            live.tryEmitComplete();
        }
        Disposable running = execution;
        execution = null;
        if (finalStatus != RunStatus.SUCCEEDED) {
            cancellation.cancel();
            if (running != null) {
                running.dispose();
            }
        }
        // Drop references into the plugin, so a finished run never keeps a plugin's class loader alive.
        cancellation.forget();
        finished.tryEmitValue(this);
        return true;
    }

    /** The run's cancellation flag, set when it is cancelled, times out or fails. */
    private static final class Cancellation implements CancellationSignal {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final List<Runnable> actions = new CopyOnWriteArrayList<>();

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void onCancel(Runnable action) {
            actions.add(action);
            if (cancelled.get() && actions.remove(action)) {
                action.run();
            }
        }

        void forget() {
            actions.clear();
        }

        void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                for (Runnable action : actions) {
                    if (actions.remove(action)) {
                        try {
                            action.run();
                        } catch (RuntimeException ignored) {
                            // a plugin's cancel hook must not break cancellation
                        }
                    }
                }
            }
        }
    }
}
