package dev.atrium.platform.audit;

import dev.atrium.platform.persistence.WriteBehind;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Append-only audit records: who did what to which target, when, from where, and how it ended. Nothing
 * updates or deletes them; the API only reads.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger("atrium.audit");

    private final DatabaseClient db;
    private final WriteBehind writes;

    public AuditLog(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.writes = new WriteBehind(db, tx, "audit");
    }

    /**
     * One audited event.
     *
     * @param tenantId the tenant it belongs to
     * @param actor user id, key id or {@code system}
     * @param action what was done, such as {@code key.create} or {@code login.failure}
     * @param target what it was done to
     * @param outcome {@code success}, {@code failure} or {@code denied}
     * @param sourceIp the client's address, or {@code null}
     * @param detail a short explanation, or {@code null}
     */
    public record Entry(String tenantId, String actor, String action, String target, String outcome,
                        String sourceIp, String detail) {
    }

    /** Records an event. */
    public void record(Entry entry) {
        log.info("{} {} {} {} by {} in {} from {}", entry.action(), entry.target(), entry.outcome(),
                entry.detail() == null ? "" : entry.detail(), entry.actor(), entry.tenantId(), entry.sourceIp());
        long at = Instant.now().toEpochMilli();
        writes.submit(client -> {
            DatabaseClient.GenericExecuteSpec insert = client.sql("INSERT INTO audit_records (recorded_at, tenant_id, "
                            + "actor, action, target, outcome, source_ip, detail) VALUES (:at, :tenant, :actor, :action, "
                            + ":target, :outcome, :ip, :detail)")
                    .bind("at", at).bind("tenant", entry.tenantId()).bind("actor", entry.actor())
                    .bind("action", entry.action()).bind("target", truncate(entry.target(), 512))
                    .bind("outcome", entry.outcome());
            insert = entry.sourceIp() == null ? insert.bindNull("ip", String.class) : insert.bind("ip", entry.sourceIp());
            insert = entry.detail() == null ? insert.bindNull("detail", String.class)
                    : insert.bind("detail", truncate(entry.detail(), 4000));
            return insert.then();
        });
    }

    /**
     * A tenant's records, newest first.
     *
     * @param action only this action (or actions starting with it and a dot, e.g. {@code plugin}), or {@code null}
     * @param actor only this actor, or {@code null}
     * @param outcome only this outcome, or {@code null}
     */
    public Mono<List<Map<String, Object>>> query(String tenantId, String action, String actor, String outcome,
                                                 Instant from, Instant to, int offset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, recorded_at, tenant_id, actor, action, target, outcome, "
                + "source_ip, detail FROM audit_records WHERE tenant_id = :tenant");
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("tenant", tenantId);
        if (action != null) {
            sql.append(" AND (action = :action OR action LIKE :prefix)");
            binds.put("action", action);
            binds.put("prefix", action.replace("%", "").replace("_", "") + ".%");
        }
        if (actor != null) {
            sql.append(" AND actor = :actor");
            binds.put("actor", actor);
        }
        if (outcome != null) {
            sql.append(" AND outcome = :outcome");
            binds.put("outcome", outcome);
        }
        if (from != null) {
            sql.append(" AND recorded_at >= :from");
            binds.put("from", from.toEpochMilli());
        }
        if (to != null) {
            sql.append(" AND recorded_at < :to");
            binds.put("to", to.toEpochMilli());
        }
        sql.append(" ORDER BY recorded_at DESC, id DESC LIMIT ").append(limit).append(" OFFSET ").append(offset);
        return writes.flushed().then(Mono.defer(() -> {
            DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
            for (Map.Entry<String, Object> bind : binds.entrySet()) {
                spec = spec.bind(bind.getKey(), bind.getValue());
            }
            return spec.map(r -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", r.get("id", Long.class));
                view.put("at", Instant.ofEpochMilli(r.get("recorded_at", Long.class)));
                view.put("tenant", r.get("tenant_id", String.class));
                view.put("actor", r.get("actor", String.class));
                view.put("action", r.get("action", String.class));
                view.put("target", r.get("target", String.class));
                view.put("outcome", r.get("outcome", String.class));
                view.put("sourceIp", r.get("source_ip", String.class));
                view.put("detail", r.get("detail", String.class));
                return view;
            }).all().collectList();
        }));
    }

    @PreDestroy
    void flush() {
        writes.close(Duration.ofSeconds(10));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
