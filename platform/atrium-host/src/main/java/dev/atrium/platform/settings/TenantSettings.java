package dev.atrium.platform.settings;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.atrium.platform.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plugin's settings for one tenant, validated against the schema the plugin ships. Secret properties
 * (those the schema marks {@code "writeOnly": true}) are encrypted at rest and never leave the platform
 * through its API: reads show {@value #MASK} for a secret that is set, and writing {@value #MASK} back keeps
 * the stored value. Plugins get the plain values in their runs.
 */
@Component
public class TenantSettings {

    /** What the API shows instead of a secret's value. */
    public static final String MASK = "********";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final SecretBox secrets;
    private final JsonMapper json;
    private final Map<String, Map<String, String>> forRuns = new ConcurrentHashMap<>();

    public TenantSettings(DatabaseClient db, TransactionalOperator tx, SecretBox secrets, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.secrets = secrets;
        this.json = json;
    }

    /** The settings as an administrator sees them: secrets masked, and which properties are secret. */
    public Mono<Map<String, Object>> view(String tenantId, String pluginId, String schema) {
        return stored(tenantId, pluginId).map(values -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            values.forEach((name, stored) -> shown.put(name, stored.secret() ? MASK : read(stored.value())));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("plugin", pluginId);
            view.put("tenant", tenantId);
            view.put("values", shown);
            view.put("secrets", secretNames(schema));
            view.put("schema", schema == null ? null : json.readTree(schema));
            return view;
        });
    }

    /**
     * Replaces the settings with {@code values} (a property missing or {@code null} is removed, except a
     * secret sent as {@value #MASK}, which keeps its stored value), after validating the result against
     * the schema. Answers 400 with every schema error otherwise, changing nothing.
     *
     * @return the names of the properties that changed
     */
    public Mono<Set<String>> update(String tenantId, String pluginId, String schema, Map<String, Object> values) {
        Set<String> secretNames = secretNames(schema);
        return stored(tenantId, pluginId).flatMap(current -> {
            ObjectNode merged = json.createObjectNode();
            Map<String, Object> plain = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                Object value = entry.getValue();
                if (value == null) {
                    continue;
                }
                if (MASK.equals(value) && secretNames.contains(entry.getKey())) {
                    Stored kept = current.get(entry.getKey());
                    if (kept == null) {
                        continue;
                    }
                    value = read(secrets.open(kept.value(), context(tenantId, pluginId, entry.getKey())));
                }
                plain.put(entry.getKey(), value);
                merged.set(entry.getKey(), json.valueToTree(value));
            }
            if (schema != null) {
                Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
                List<Error> errors = compiled.validate(merged);
                if (!errors.isEmpty()) {
                    // The error texts quote paths and constraints, never a submitted value.
                    return Mono.error(ProblemException.badRequest("bad-settings", "Settings do not match the schema",
                            errors.size() + " problem(s): " + errors.stream().limit(10)
                                    .map(e -> e.getInstanceLocation() + " " + e.getKeyword())
                                    .reduce((a, b) -> a + "; " + b).orElse(""))
                            .with("errors", errors.stream().map(e -> Map.of("path",
                                    String.valueOf(e.getInstanceLocation()), "keyword", String.valueOf(e.getKeyword())))
                                    .toList()));
                }
            }
            Set<String> changed = new TreeSet<>();
            long now = Instant.now().toEpochMilli();
            Mono<Void> writes = db.sql("DELETE FROM plugin_settings WHERE tenant_id = :t AND plugin_id = :p")
                    .bind("t", tenantId).bind("p", pluginId).then();
            for (Map.Entry<String, Object> entry : plain.entrySet()) {
                String name = entry.getKey();
                boolean secret = secretNames.contains(name);
                String text = json.writeValueAsString(entry.getValue());
                Stored before = current.get(name);
                String beforeText = before == null ? null
                        : before.secret() ? secrets.open(before.value(), context(tenantId, pluginId, name)) : before.value();
                if (!text.equals(beforeText)) {
                    changed.add(name);
                }
                String storedValue = secret ? secrets.seal(text, context(tenantId, pluginId, name)) : text;
                writes = writes.then(db.sql("INSERT INTO plugin_settings (tenant_id, plugin_id, name, setting_value, secret, "
                                + "updated_at) VALUES (:t, :p, :n, :v, :s, :at)")
                        .bind("t", tenantId).bind("p", pluginId).bind("n", name).bind("v", storedValue)
                        .bind("s", secret).bind("at", now).then());
            }
            current.keySet().stream().filter(name -> !plain.containsKey(name)).forEach(changed::add);
            return writes.as(tx::transactional)
                    .then(Mono.fromRunnable(() -> forRuns.remove(tenantId + "/" + pluginId)))
                    .thenReturn(changed);
        });
    }

    /**
     * The plain settings a run of the plugin gets (secrets decrypted), as text: strings as they are, other
     * JSON values in their JSON form. Blocks on the database the first time; call it off the event loop.
     */
    public Map<String, String> forRun(String tenantId, String pluginId) {
        return forRuns.computeIfAbsent(tenantId + "/" + pluginId, k -> {
            Map<String, Stored> stored = stored(tenantId, pluginId).block(Duration.ofSeconds(30));
            Map<String, String> plain = new LinkedHashMap<>();
            stored.forEach((name, s) -> {
                String text = s.secret() ? secrets.open(s.value(), context(tenantId, pluginId, name)) : s.value();
                JsonNode node = json.readTree(text);
                plain.put(name, node.isString() ? node.asString() : text);
            });
            return Map.copyOf(plain);
        });
    }

    /** Drops cached settings of a plugin in every tenant (after its data was removed). */
    public void forget(String pluginId) {
        forRuns.keySet().removeIf(key -> key.endsWith("/" + pluginId));
    }

    /** The names the schema marks secret. */
    public Set<String> secretNames(String schema) {
        Set<String> names = new TreeSet<>();
        if (schema == null) {
            return names;
        }
        JsonNode properties = json.readTree(schema).path("properties");
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            if (property.getValue().path("writeOnly").asBoolean(false)) {
                names.add(property.getKey());
            }
        }
        return names;
    }

    private Mono<Map<String, Stored>> stored(String tenantId, String pluginId) {
        return db.sql("SELECT name, setting_value, secret FROM plugin_settings WHERE tenant_id = :t AND plugin_id = :p "
                        + "ORDER BY name")
                .bind("t", tenantId).bind("p", pluginId)
                .map(r -> new Stored(r.get("name", String.class), r.get("setting_value", String.class),
                        Boolean.TRUE.equals(r.get("secret", Boolean.class))))
                .all()
                .collectMap(Stored::name, s -> s, LinkedHashMap::new);
    }

    private Object read(String jsonText) {
        return json.readValue(jsonText, Object.class);
    }

    private static String context(String tenantId, String pluginId, String name) {
        return tenantId + "/" + pluginId + "/" + name;
    }

    private record Stored(String name, String value, boolean secret) {
    }
}
