package dev.atrium.platform.runs;

import dev.atrium.platform.config.AtriumProperties;
import dev.atrium.platform.persistence.DatabaseConfiguration.Database;
import dev.atrium.platform.persistence.WriteBehind;
import dev.atrium.platform.problem.Problems;
import dev.atrium.platform.usage.UsageReport;
import io.r2dbc.spi.Readable;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps live runs in memory and every run in the database. A run's row is written when it is created and
 * completed when it finishes (events, result, error, usage, artifacts), off the request path through a
 * {@link WriteBehind}; reads flush first, so a client always sees what it just did. Runs left unfinished by
 * a previous process are marked failed at start-up.
 */
@Component
public class PersistentRunStore implements RunStore {

    private static final Logger log = LoggerFactory.getLogger(PersistentRunStore.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    private static final String COLUMNS = "id, tenant_id, user_id, plugin_id, skill_id, plugin_version, status, "
            + "created_at, started_at, finished_at, inputs, input_files, result, error, usage_summary, events";

    private final DatabaseClient db;
    private final WriteBehind writes;
    private final JsonMapper json;
    private final Path runsFolder;
    private final Map<String, Run> live = new ConcurrentHashMap<>();
    // Recently finished runs, so the client polling a run it just made does not go to the database.
    private final Map<String, Run> recentlyFinished;

    public PersistentRunStore(Database database, DatabaseClient db, TransactionalOperator tx, JsonMapper json,
                              AtriumProperties properties) {
        this.db = db;
        this.json = json;
        this.runsFolder = properties.home().resolve("runs");
        this.writes = new WriteBehind(db, tx, "runs");
        int cached = Math.min(properties.runs().retainedRuns(), 2_000);
        this.recentlyFinished = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
                return size() > cached;
            }
        });
        markInterrupted();
    }

    @Override
    public void add(Run run) {
        live.put(run.id(), run);
        writes.submit(client -> client.sql("INSERT INTO runs (id, tenant_id, user_id, plugin_id, skill_id, "
                        + "plugin_version, status, created_at, inputs, input_files) VALUES (:id, :tenant, :user, "
                        + ":plugin, :skill, :version, :status, :created, :inputs, :files)")
                .bind("id", run.id())
                .bind("tenant", run.tenantId())
                .bind("user", run.userId())
                .bind("plugin", run.pluginId())
                .bind("skill", run.skillId())
                .bind("version", run.pluginVersion())
                .bind("status", RunStatus.QUEUED.wireName())
                .bind("created", run.createdAt().toEpochMilli())
                .bind("inputs", json.writeValueAsString(run.inputValues()))
                .bind("files", json.writeValueAsString(files(run, run.inputFiles())))
                .then());
    }

    @Override
    public void finished(Run run) {
        recentlyFinished.put(run.id(), run);
        live.remove(run.id());
        String events = json.writeValueAsString(run.events().stream().map(PersistentRunStore::event).toList());
        String result = run.result() == null ? null : json.writeValueAsString(run.result());
        String error = run.error() == null ? null : json.writeValueAsString(run.error());
        String usage = json.writeValueAsString(run.usage());
        List<StoredFile> artifacts = run.artifacts();
        writes.submit(client -> {
            DatabaseClient.GenericExecuteSpec spec = client.sql("UPDATE runs SET status = :status, "
                            + "started_at = :started, finished_at = :finished, result = :result, error = :error, "
                            + "usage_summary = :usage, events = :events WHERE id = :id")
                    .bind("id", run.id())
                    .bind("status", run.status().wireName())
                    .bind("usage", usage)
                    .bind("events", events);
            spec = nullable(spec, "started", millis(run.startedAt()), Long.class);
            spec = nullable(spec, "finished", millis(run.finishedAt()), Long.class);
            spec = nullable(spec, "result", result, String.class);
            spec = nullable(spec, "error", error, String.class);
            Mono<Void> update = spec.then();
            for (StoredFile a : artifacts) {
                update = update.then(client.sql("INSERT INTO artifacts (run_id, name, tenant_id, media_type, "
                                + "size_bytes, sha256, path) VALUES (:run, :name, :tenant, :type, :size, :sha, :path)")
                        .bind("run", run.id())
                        .bind("name", a.name())
                        .bind("tenant", run.tenantId())
                        .bind("type", a.mediaType())
                        .bind("size", a.size())
                        .bind("sha", a.sha256())
                        .bind("path", relative(run, a.path()))
                        .then());
            }
            return update;
        });
    }

    @Override
    public Mono<Run> find(String id) {
        Run run = live.get(id);
        if (run == null) {
            run = recentlyFinished.get(id);
        }
        if (run != null) {
            return Mono.just(run);
        }
        return writes.flushed().then(db.sql("SELECT " + COLUMNS + " FROM runs WHERE id = :id").bind("id", id)
                        .map(this::row).one())
                .flatMap(this::restore);
    }

    @Override
    public Mono<List<Run>> recent(RunQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM runs WHERE tenant_id = :tenant");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("tenant", query.tenantId());
        if (query.userId() != null) {
            sql.append(" AND user_id = :user");
            binds.put("user", query.userId());
        }
        if (query.pluginId() != null) {
            sql.append(" AND plugin_id = :plugin");
            binds.put("plugin", query.pluginId());
        }
        if (query.skillId() != null) {
            sql.append(" AND skill_id = :skill");
            binds.put("skill", query.skillId());
        }
        if (query.status() != null) {
            sql.append(" AND status = :status");
            binds.put("status", query.status().wireName());
        }
        if (query.from() != null) {
            sql.append(" AND created_at >= :from");
            binds.put("from", query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND created_at < :to");
            binds.put("to", query.to().toEpochMilli());
        }
        sql.append(" ORDER BY created_at DESC, id LIMIT ").append(Math.max(1, query.limit()));
        return writes.flushed().then(Mono.defer(() -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
            for (Map.Entry<String, Object> bind : binds.entrySet()) {
                spec = spec.bind(bind.getKey(), bind.getValue());
            }
            return spec.map(this::row).all().concatMap(this::restore)
                    // A live run's status may be ahead of its row (running, not yet final): filter in memory too.
                    .filter(query::matches)
                    .collectList();
        }));
    }

    @Override
    public Mono<Void> flushed() {
        return writes.flushed();
    }

    @Override
    public List<Run> active() {
        return new ArrayList<>(live.values());
    }

    /** Drops a run removed from the database from the memory cache too. */
    void forget(String id) {
        recentlyFinished.remove(id);
    }

    @PreDestroy
    void flush() {
        writes.close(Duration.ofSeconds(10));
    }

    /** Marks runs a previous process left unfinished: they failed, and say why. */
    private void markInterrupted() {
        Map<String, Object> problem = Problems.body(HttpStatus.SERVICE_UNAVAILABLE, "run-interrupted",
                "Run interrupted", "the platform stopped while the run was in progress");
        long now = Instant.now().toEpochMilli();
        List<Map<String, Object>> events = List.of(
                Map.of("seq", 1, "type", "error", "at", now, "data", problem),
                Map.of("seq", 2, "type", "status", "at", now, "data", Map.of("status", "failed")));
        Long marked = db.sql("UPDATE runs SET status = 'failed', finished_at = :now, error = :error, events = :events "
                        + "WHERE status IN ('queued', 'running')")
                .bind("now", now)
                .bind("error", json.writeValueAsString(problem))
                .bind("events", json.writeValueAsString(events))
                .fetch().rowsUpdated().block(Duration.ofSeconds(30));
        if (marked != null && marked > 0) {
            log.warn("{} runs were in progress when the platform last stopped; marked failed", marked);
        }
    }

    private Mono<Run> restore(RunRow row) {
        Run current = live.get(row.id);
        if (current == null) {
            current = recentlyFinished.get(row.id);
        }
        if (current != null) {
            return Mono.just(current);
        }
        return artifactsOf(row.id).map(artifacts -> {
            Path folder = runsFolder.resolve(row.id);
            List<RunEvent> events = new ArrayList<>();
            if (row.events != null) {
                for (Map<String, Object> e : json.readValue(row.events, LIST)) {
                    events.add(new RunEvent(((Number) e.get("seq")).longValue(), (String) e.get("type"),
                            Instant.ofEpochMilli(((Number) e.get("at")).longValue()), e.get("data")));
                }
            }
            Run.Recorded state = new Run.Recorded(RunStatus.fromWire(row.status), instant(row.createdAt),
                    instant(row.startedAt), instant(row.finishedAt),
                    row.result == null ? null : json.readTree(row.result),
                    row.error == null ? null : json.readValue(row.error, MAP),
                    row.usage == null ? null : json.readValue(row.usage, MAP), events,
                    artifacts.stream().map(a -> a.withFolder(folder)).toList());
            List<StoredFile> inputs = new ArrayList<>();
            for (Map<String, Object> f : json.readValue(row.inputFiles, LIST)) {
                inputs.add(new StoredFile((String) f.get("input"), (String) f.get("name"),
                        (String) f.get("mediaType"), ((Number) f.get("size")).longValue(), (String) f.get("sha256"),
                        folder.resolve((String) f.get("path")).normalize()));
            }
            return Run.restored(row.id, row.pluginId, row.skillId, row.pluginVersion, row.tenantId, row.userId,
                    json.readValue(row.inputs, MAP), inputs, folder, state);
        });
    }

    private Mono<List<ArtifactRow>> artifactsOf(String runId) {
        return db.sql("SELECT name, media_type, size_bytes, sha256, path FROM artifacts WHERE run_id = :run "
                        + "ORDER BY name")
                .bind("run", runId)
                .map(r -> new ArtifactRow(r.get("name", String.class), r.get("media_type", String.class),
                        r.get("size_bytes", Long.class), r.get("sha256", String.class), r.get("path", String.class)))
                .all().collectList();
    }

    private RunRow row(Readable r) {
        return new RunRow(r.get("id", String.class), r.get("tenant_id", String.class), r.get("user_id", String.class),
                r.get("plugin_id", String.class), r.get("skill_id", String.class),
                r.get("plugin_version", String.class), r.get("status", String.class),
                r.get("created_at", Long.class), r.get("started_at", Long.class), r.get("finished_at", Long.class),
                r.get("inputs", String.class), r.get("input_files", String.class), r.get("result", String.class),
                r.get("error", String.class), r.get("usage_summary", String.class), r.get("events", String.class));
    }

    private List<Map<String, Object>> files(Run run, List<StoredFile> files) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredFile f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", f.input());
            m.put("name", f.name());
            m.put("mediaType", f.mediaType());
            m.put("size", f.size());
            m.put("sha256", f.sha256());
            m.put("path", relative(run, f.path()));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> event(RunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("type", e.type());
        m.put("at", e.at().toEpochMilli());
        m.put("data", e.data());
        return m;
    }

    /** Paths are kept relative to the run's folder, so a data home can move. */
    private static String relative(Run run, Path file) {
        return run.folder().relativize(file).toString().replace('\\', '/');
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                              Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private record RunRow(String id, String tenantId, String userId, String pluginId, String skillId,
                          String pluginVersion, String status, Long createdAt, Long startedAt, Long finishedAt,
                          String inputs, String inputFiles, String result, String error, String usage,
                          String events) {
    }

    private record ArtifactRow(String name, String mediaType, long size, String sha256, String path) {
        StoredFile withFolder(Path folder) {
            return new StoredFile(null, name, mediaType, size, sha256, folder.resolve(path).normalize());
        }
    }
}
