package dev.atrium.platform.security;

import dev.atrium.platform.problem.ProblemException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Tenants: every run, setting, artifact, usage and audit record belongs to one. */
@Component
public class Tenants {

    /** The tenant created with the database; its administrators administer the whole platform. */
    public static final String DEFAULT = "default";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    private final DatabaseClient db;

    public Tenants(DatabaseClient db) {
        this.db = db;
    }

    /** Every tenant, oldest first. */
    public Mono<List<Map<String, Object>>> list() {
        return db.sql("SELECT id, name, created_at FROM tenants ORDER BY created_at, id")
                .map(r -> view(r.get("id", String.class), r.get("name", String.class), r.get("created_at", Long.class)))
                .all().collectList();
    }

    /** Whether the tenant exists. */
    public Mono<Boolean> exists(String id) {
        return db.sql("SELECT COUNT(*) AS n FROM tenants WHERE id = :id").bind("id", id)
                .map(r -> r.get("n", Long.class)).one().map(n -> n > 0);
    }

    /** Creates a tenant; 400 for a bad id, 409 if it exists. */
    public Mono<Map<String, Object>> create(String id, String name) {
        if (id == null || !ID.matcher(id).matches()) {
            return Mono.error(ProblemException.badRequest("bad-tenant-id", "Bad tenant id",
                    "a tenant id is 2 to 63 lower-case letters, digits or dashes, got '" + id + "'"));
        }
        String title = name == null || name.isBlank() ? id : name.strip();
        long now = Instant.now().toEpochMilli();
        return exists(id).flatMap(exists -> exists
                ? Mono.error(ProblemException.conflict("tenant-exists", "Tenant exists", "tenant '" + id + "' exists"))
                : db.sql("INSERT INTO tenants (id, name, created_at) VALUES (:id, :name, :at)")
                        .bind("id", id).bind("name", title).bind("at", now).then()
                        .thenReturn(view(id, title, now)));
    }

    private static Map<String, Object> view(String id, String name, long createdAt) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name);
        view.put("createdAt", Instant.ofEpochMilli(createdAt));
        return view;
    }
}
