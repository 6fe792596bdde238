package dev.atrium.platform.runs;

import dev.atrium.platform.audit.AuditLog;
import dev.atrium.platform.config.AtriumProperties;
import dev.atrium.platform.plugins.Capabilities;
import dev.atrium.platform.plugins.GrantedGateway;
import dev.atrium.platform.plugins.PluginCatalog;
import dev.atrium.platform.settings.TenantSettings;
import org.springframework.beans.factory.ObjectProvider;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.problem.Problems;
import dev.atrium.platform.skills.PluginClassLoaders;
import dev.atrium.platform.skills.RegisteredSkill;
import dev.atrium.platform.skills.SkillRegistry;
import dev.atrium.sdk.Media;
import dev.atrium.sdk.PluginSettings;
import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillEvent;
import dev.atrium.sdk.SkillContext;
import dev.atrium.sdk.SkillInput;
import dev.atrium.platform.models.DocumentKits;
import dev.atrium.platform.models.ModelGateways;
import dev.atrium.platform.models.TextKits;
import dev.atrium.platform.plugins.HostCalls;
import dev.atrium.sdk.document.DocumentKit;
import dev.atrium.sdk.text.TextKit;
import dev.atrium.sdk.media.MediaKit;
import dev.atrium.sdk.model.ModelGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import dev.atrium.platform.usage.UsageReport;
import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts, tracks and cancels runs. Each run executes on its plugin's lane (bounded concurrency, the
 * plugin's context class loader), under a time limit; its events, artifacts and result are recorded on
 * the {@link Run}. Nothing here blocks an event-loop thread.
 */
@Service
public class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private final RunStore store;
    private final AtriumProperties properties;
    private final ModelGateways models;
    private final TextKits texts;
    private final MediaKit media;
    private final DocumentKits documents;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    // Keyed by the plugin version's class loader: after an upgrade the old and the new version each have one.
    private final Map<ClassLoader, PluginLane> lanes = new ConcurrentHashMap<>();
    // Versions being retired or retired; weak, so that a retired version's class loader can still be collected.
    private final Set<ClassLoader> retired = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>()));
    private final SkillRegistry registry;
    private final AuditLog audit;
    private final TenantSettings tenantSettings;
    private final ObjectProvider<PluginCatalog> catalog;

    public RunService(SkillRegistry registry, RunStore store, AtriumProperties properties, ModelGateways models,
                      TextKits texts, DocumentKits documents, MediaKit media, JsonMapper json, MeterRegistry meters,
                      AuditLog audit, ObjectProvider<PluginCatalog> catalog, TenantSettings tenantSettings) {
        this.tenantSettings = tenantSettings;
        this.audit = audit;
        this.catalog = catalog;
        this.store = store;
        this.properties = properties;
        this.models = models;
        this.texts = texts;
        this.media = media;
        this.documents = documents;
        this.json = json;
        this.meters = meters;
        this.registry = registry;
        registry.onUnregister(this::pluginStopped);
        registry.onRetire(this::drain);
    }

    /** A new run id. */
    public String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** The folder where a run's inputs and artifacts live. */
    public Path folderOf(String runId) {
        return properties.home().resolve("runs").resolve(runId);
    }

    /**
     * Creates the run and queues it on its plugin's lane.
     *
     * @param runId from {@link #newRunId()}, already used for the stored input files
     * @param callerRoles the caller's roles in the tenant, which the skill may check ({@link SkillContext#callerRoles()})
     */
    public Run start(String runId, RegisteredSkill requested, InputBinder.Bound bound, List<StoredFile> files,
                     String tenantId, String userId, Set<String> callerRoles, Locale locale) {
        // Looked up just before an upgrade took over: the same skill of the new version takes the run.
        RegisteredSkill skill = retired.contains(requested.classLoader()) ? replacement(requested) : requested;
        Run run = new Run(runId, skill.pluginId(), skill.spec().id(), skill.pluginVersion(), tenantId, userId,
                bound.values(), files, folderOf(runId), clock);
        PluginLane lane = enter(skill, run);
        if (lane == null) {
            throw upgradedMeanwhile(skill);
        }
        store.add(run);
        boolean sensitive = isSensitive(skill.pluginId());
        if (sensitive) {
            auditRun(run, "run.start", "success", null);
        }
        AtomicBoolean holdsSlot = new AtomicBoolean();
        run.whenFinished().subscribe(finished -> {
            if (holdsSlot.getAndSet(false)) {
                lane.release();
            }
            store.finished(finished);
            record(finished);
            if (sensitive) {
                auditRun(finished, "run.finish", finished.status() == RunStatus.SUCCEEDED ? "success" : "failure",
                        finished.status().wireName() + (finished.error() == null ? ""
                                : ": " + finished.error().get("code")));
            }
        });
        lane.submit(() -> {
            holdsSlot.set(true);
            if (run.status().isFinal()) {
                // Cancelled while queued: hand the slot straight on.
                if (holdsSlot.getAndSet(false)) {
                    lane.release();
                }
                return;
            }
            execute(run, skill, bound.input(), lane, callerRoles, locale);
        });
        return run;
    }

    /** The run, or a 404 problem. */
    public Mono<Run> get(String runId) {
        return store.find(runId).switchIfEmpty(Mono.error(() -> notFound(runId)));
    }

    /** The 404 problem for a run that does not exist (or that the caller may not see). */
    public static ProblemException notFound(String runId) {
        return ProblemException.notFound("run-not-found", "no run '" + runId + "' exists").with("run", runId);
    }

    /** Runs matching the query, newest first. */
    public Mono<List<Run>> recent(RunQuery query) {
        return store.recent(query);
    }

    /** Completes once every run change made before the call is in the database (for usage reports). */
    public Mono<Void> flushed() {
        return store.flushed();
    }

    /** Cancels a queued or running run; a 409 problem if it already finished. */
    public Run cancel(Run run) {
        boolean cancelled = run.finish(RunStatus.CANCELLED,
                Problems.body(HttpStatus.CONFLICT, "run-cancelled", "Run cancelled", "the run was cancelled"));
        if (!cancelled) {
            throw ProblemException.conflict("run-finished", "Run already finished",
                    "run '" + run.id() + "' already finished with status " + run.status().wireName())
                    .with("run", run.id()).with("runStatus", run.status());
        }
        return run;
    }

    private void execute(Run run, RegisteredSkill skill, SkillInput input, PluginLane lane, Set<String> callerRoles,
                         Locale locale) {
        if (!run.markRunning()) {
            return;
        }
        Duration timeout = timeoutOf(skill);
        // The context is built on the plugin's worker too: it may touch files (fonts, storage folders), and
        // this method can be called on an event-loop thread.
        Disposable subscription = Flux.defer(() -> start(skill, input, hostContextFor(run, skill, callerRoles, locale)))
                .subscribeOn(lane.scheduler())
                .concatMap(event -> handle(run, event))
                .subscribe(null, error -> failed(run, error, timeout), () -> completed(run));
        run.attach(subscription);
        // One timer per run, cancelled when the run ends, so finished runs leave no pending timers behind.
        Disposable deadline = Schedulers.parallel().schedule(
                () -> failed(run, new TimeoutException(), timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        run.whenFinished().subscribe(finished -> deadline.dispose());
    }

    /** Builds the context under the host's class loader (the worker thread carries the plugin's). */
    private RunContext hostContextFor(Run run, RegisteredSkill skill, Set<String> callerRoles, Locale locale) {
        try {
            return PluginClassLoaders.callWith(RunService.class.getClassLoader(),
                    () -> contextFor(run, skill, callerRoles, locale));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private RunContext contextFor(Run run, RegisteredSkill skill, Set<String> callerRoles, Locale locale) {
        PluginCatalog plugins = catalog.getObject();
        Capabilities granted = plugins.grantsOf(run.pluginId());
        ModelGateway gateway = new GrantedGateway(
                models.forRun(run.pluginId(), run.skillId(), run.id(), run.tenantId(), run::addModelCall),
                run.pluginId(), granted, capability -> audit.record(new AuditLog.Entry(run.tenantId(), run.userId(),
                        "capability.denied", "plugin " + run.pluginId() + " " + capability, "denied", null,
                        "run " + run.id() + " of " + run.pluginId() + "/" + run.skillId())));
        return new RunContext(run, callerRoles, locale, clock, settingsOf(run.tenantId(), skill.pluginId()),
                new FilePluginStorage(properties.home().resolve("storage").resolve(run.tenantId())
                        .resolve(skill.pluginId()), granted.has("storage") ? granted.storageBytes() : 0),
                HostCalls.wrap(ModelGateway.class, gateway),
                HostCalls.wrap(DocumentKit.class, documents.using(gateway)),
                HostCalls.wrap(MediaKit.class, media),
                HostCalls.wrap(TextKit.class, texts.using(gateway)));
    }

    private static Flux<SkillEvent> start(RegisteredSkill skill, SkillInput input, RunContext context) {
        try {
            Flux<SkillEvent> events = skill.skill().run(input, context);
            return events == null ? Flux.error(new IllegalStateException("the skill returned no event stream")) : events;
        } catch (LinkageError e) {
            // Reactor treats linkage errors as fatal and would leave the run hanging until its deadline.
            return Flux.error(new IllegalStateException("the skill hit " + e, e));
        }
    }

    private Mono<Void> handle(Run run, SkillEvent event) {
        if (event instanceof SkillEvent.Progress p) {
            run.emit("progress", Map.of("percent", p.percent(), "message", p.message()));
        } else if (event instanceof SkillEvent.TextDelta d) {
            run.emit("delta", Map.of("text", d.text()));
        } else if (event instanceof SkillEvent.Warning w) {
            run.emit("warning", Map.of("message", w.message()));
        } else if (event instanceof SkillEvent.Result r) {
            // Copied into a JSON tree now: it must serialise, and it must not pin plugin classes.
            run.setResult(json.valueToTree(r.data()));
        } else if (event instanceof SkillEvent.Artifact a) {
            Mono<Void> store = Mono.fromRunnable(() -> storeArtifact(run, a.media()));
            return Schedulers.isInNonBlockingThread() ? store.subscribeOn(Schedulers.boundedElastic()) : store;
        }
        return Mono.empty();
    }

    private void storeArtifact(Run run, Media media) {
        String name = SafeFileName.of(media.name(), "artifact");
        Path folder = run.folder().resolve("artifacts");
        Path file = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = media.open();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                size = in.transferTo(out);
            }
            StoredFile stored = new StoredFile(null, name, media.mediaType(), size,
                    HexFormat.of().formatHex(sha256.digest()), file);
            run.addArtifact(stored);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", name);
            data.put("mediaType", stored.mediaType());
            data.put("size", size);
            data.put("sha256", stored.sha256());
            data.put("url", "/api/runs/" + run.id() + "/artifacts/" + name);
            run.emit("artifact", data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store artifact " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void completed(Run run) {
        if (run.result() == null) {
            run.finish(RunStatus.FAILED, Problems.body(HttpStatus.INTERNAL_SERVER_ERROR, "skill-no-result",
                    "Skill produced no result", "the skill finished without a result"));
        } else {
            run.finish(RunStatus.SUCCEEDED, null);
        }
    }

    private void failed(Run run, Throwable error, Duration timeout) {
        if (error instanceof TimeoutException) {
            run.finish(RunStatus.TIMED_OUT, Problems.body(HttpStatus.GATEWAY_TIMEOUT, "run-timed-out",
                    "Run timed out", "the run did not finish within " + timeout.toSeconds() + " s"));
        } else if (error instanceof RunCancelledException && run.cancellation().isCancelled()) {
            run.finish(RunStatus.CANCELLED, Problems.body(HttpStatus.CONFLICT, "run-cancelled", "Run cancelled",
                    "the run was cancelled"));
        } else if (error instanceof dev.atrium.sdk.SkillException || error instanceof ProblemException) {
            run.finish(RunStatus.FAILED, Problems.of(error));
        } else {
            log.warn("Run {} of {}/{} failed", run.id(), run.pluginId(), run.skillId(), error);
            String message = error.getMessage() == null ? "" : ": " + error.getMessage();
            run.finish(RunStatus.FAILED, Problems.body(HttpStatus.INTERNAL_SERVER_ERROR, "skill-failed",
                    "Skill failed", "the skill failed with " + error.getClass().getSimpleName() + message));
        }
    }

    private void pluginStopped(String pluginId) {
        for (Run run : store.active()) {
            if (run.pluginId().equals(pluginId)) {
                run.finish(RunStatus.FAILED, Problems.body(HttpStatus.SERVICE_UNAVAILABLE, "plugin-stopped",
                        "Plugin stopped", "plugin '" + pluginId + "' was stopped while the run was in progress"));
            }
        }
        lanes.values().removeIf(lane -> {
            if (lane.pluginId().equals(pluginId)) {
                lane.shutdown();
                return true;
            }
            return false;
        });
    }

    /**
     * The lane of the skill's version, with the run counted on it, or null if that version is retiring. Both
     * happen in one step per lane, so a drain that closed the lane has seen every run that got in.
     */
    private PluginLane enter(RegisteredSkill skill, Run run) {
        PluginLane[] entered = new PluginLane[1];
        lanes.compute(skill.classLoader(), (loader, lane) -> {
            if (retired.contains(loader)) {
                return lane;
            }
            PluginLane open = lane != null ? lane
                    : new PluginLane(skill.pluginId(), loader, properties.runs().maxConcurrentPerPlugin());
            open.track(run);
            entered[0] = open;
            return open;
        });
        return entered[0];
    }

    /** The current version's skill of the same id and spec, for a run aimed at a version being retired. */
    private RegisteredSkill replacement(RegisteredSkill stale) {
        return registry.find(stale.pluginId(), stale.spec().id())
                .filter(current -> current.spec().equals(stale.spec()) && !retired.contains(current.classLoader()))
                .orElseThrow(() -> upgradedMeanwhile(stale));
    }

    private static ProblemException upgradedMeanwhile(RegisteredSkill skill) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "plugin-upgraded", "Plugin upgraded",
                "plugin '" + skill.pluginId() + "' was upgraded while the run was being started and the skill '"
                        + skill.spec().id() + "' changed; start the run again").with("plugin", skill.pluginId());
    }

    /**
     * Lets the runs of a replaced plugin version finish on its lane, checking every 100 ms; those still going at
     * the drain timeout fail with {@code plugin-upgraded}. Completes when the lane is shut down.
     */
    private CompletableFuture<Void> drain(String pluginId, ClassLoader previous) {
        Duration limit = properties.plugins().drainTimeout();
        // Closed first: from here no run gets onto this version's lane.
        lanes.compute(previous, (loader, lane) -> {
            retired.add(loader);
            return lane;
        });
        return Flux.interval(Duration.ofMillis(100))
                .filter(tick -> {
                    PluginLane lane = lanes.get(previous);
                    return lane == null || lane.openRuns().isEmpty();
                })
                .next().map(tick -> true)
                .timeout(limit, Mono.just(false))
                .doOnNext(drained -> {
                    PluginLane lane = lanes.remove(previous);
                    if (lane == null) {
                        return;
                    }
                    for (Run run : lane.openRuns()) {
                        run.finish(RunStatus.FAILED, Problems.body(HttpStatus.SERVICE_UNAVAILABLE, "plugin-upgraded",
                                "Plugin upgraded", "plugin '" + pluginId + "' was upgraded and the run on the previous"
                                        + " version did not finish within " + limit.toSeconds() + " s"));
                    }
                    lane.shutdown();
                })
                .then().toFuture();
    }

    private Duration timeoutOf(RegisteredSkill skill) {
        Duration configured = properties.runs().timeouts().get(skill.key());
        if (configured != null) {
            return configured;
        }
        return skill.spec().timeout() != null ? skill.spec().timeout() : properties.runs().defaultTimeout();
    }

    /** The platform-wide defaults from configuration, overridden by the tenant's own settings. */
    private PluginSettings settingsOf(String tenantId, String pluginId) {
        Map<String, String> merged = new LinkedHashMap<>(properties.plugins().settings().getOrDefault(pluginId, Map.of()));
        merged.putAll(tenantSettings.forRun(tenantId, pluginId));
        return PluginSettings.of(merged);
    }

    /** Whether the plugin declares that it handles sensitive data, so each of its runs is audited. */
    private boolean isSensitive(String pluginId) {
        PluginCatalog plugins = catalog.getIfAvailable();
        return plugins != null && plugins.find(pluginId).map(p -> p.archive().sensitive()).orElse(false);
    }

    private void auditRun(Run run, String action, String outcome, String detail) {
        audit.record(new AuditLog.Entry(run.tenantId(), run.userId(), action,
                "run " + run.id() + " " + run.pluginId() + "/" + run.skillId(), outcome, null, detail));
    }

    private void record(Run run) {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return;
        }
        Timer.builder("atrium.runs")
                .description("Skill runs by outcome")
                .tag("plugin", run.pluginId())
                .tag("skill", run.skillId())
                .tag("status", run.status().wireName())
                .register(meters)
                .record(Duration.between(run.startedAt(), run.finishedAt()));
    }
}
