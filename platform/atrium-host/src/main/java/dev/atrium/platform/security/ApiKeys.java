package dev.atrium.platform.security;

import dev.atrium.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * API keys: {@code atr_} and 43 random URL-safe characters (256 bits). Only a SHA-256 of each key is
 * stored — the key is shown once, when it is created. A key this random needs no slow hash: nobody can
 * guess one from its digest. Verified keys are cached briefly so a busy client does not cost a query per
 * request; revoking drops the cache entry at once.
 */
@Component
public class ApiKeys {

    private static final String PREFIX = "atr_";
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> verified = new ConcurrentHashMap<>();

    public ApiKeys(DatabaseClient db) {
        this.db = db;
    }

    /**
     * A key just created: the secret appears only here.
     *
     * @param key the secret to hand to the client
     * @param view its stored description
     */
    public record Created(String key, Map<String, Object> view) {
    }

    /**
     * Creates a key.
     *
     * @param userId the identity its calls act as
     * @param expiresAt when it stops working, or {@code null} for never
     */
    public Mono<Created> create(String tenantId, String userId, String name, Role role, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String id = UUID.randomUUID().toString();
        long now = Instant.now().toEpochMilli();
        String prefix = key.substring(0, 10);
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO api_keys (id, tenant_id, user_id, name, role, "
                        + "prefix, key_hash, created_at, expires_at) VALUES (:id, :tenant, :user, :name, :role, :prefix, "
                        + ":hash, :at, :expires)")
                .bind("id", id).bind("tenant", tenantId).bind("user", userId).bind("name", name)
                .bind("role", role.wireName()).bind("prefix", prefix).bind("hash", sha256(key)).bind("at", now);
        insert = expiresAt == null ? insert.bindNull("expires", Long.class) : insert.bind("expires", expiresAt.toEpochMilli());
        return insert.then().thenReturn(new Created(key,
                view(id, tenantId, userId, name, role.wireName(), prefix, now, millis(expiresAt), null)));
    }

    /** The tenant's keys, newest first, without secrets. */
    public Mono<List<Map<String, Object>>> list(String tenantId) {
        return db.sql("SELECT id, tenant_id, user_id, name, role, prefix, created_at, expires_at, revoked_at "
                        + "FROM api_keys WHERE tenant_id = :tenant ORDER BY created_at DESC, id")
                .bind("tenant", tenantId)
                .map(r -> view(r.get("id", String.class), r.get("tenant_id", String.class),
                        r.get("user_id", String.class), r.get("name", String.class), r.get("role", String.class),
                        r.get("prefix", String.class), r.get("created_at", Long.class), r.get("expires_at", Long.class),
                        r.get("revoked_at", Long.class)))
                .all().collectList();
    }

    /** Revokes a key of the tenant; 404 if the tenant has no such key. Returns the key's description. */
    public Mono<Map<String, Object>> revoke(String tenantId, String id) {
        long now = Instant.now().toEpochMilli();
        return db.sql("UPDATE api_keys SET revoked_at = :now WHERE id = :id AND tenant_id = :tenant "
                        + "AND revoked_at IS NULL")
                .bind("now", now).bind("id", id).bind("tenant", tenantId)
                .fetch().rowsUpdated()
                .flatMap(updated -> {
                    verified.values().removeIf(c -> c.keyId.equals(id));
                    return list(tenantId);
                })
                .flatMap(keys -> keys.stream().filter(k -> k.get("id").equals(id)).findFirst().map(Mono::just)
                        .orElseGet(() -> Mono.error(ProblemException.notFound("key-not-found",
                                "no API key '" + id + "' in this tenant").with("key", id))));
    }

    /** The caller a presented key stands for, or empty if it is unknown, revoked or expired. */
    public Mono<Caller> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Mono.empty();
        }
        String hash = sha256(presented);
        Instant now = Instant.now();
        Cached cached = verified.get(hash);
        if (cached != null && cached.until.isAfter(now)) {
            return cached.expiresAt != null && !cached.expiresAt.isAfter(now) ? Mono.empty() : Mono.just(cached.caller);
        }
        return db.sql("SELECT id, tenant_id, user_id, role, expires_at, revoked_at FROM api_keys WHERE key_hash = :hash")
                .bind("hash", hash)
                .map(r -> {
                    Long expires = r.get("expires_at", Long.class);
                    Long revoked = r.get("revoked_at", Long.class);
                    String id = r.get("id", String.class);
                    Caller caller = new Caller(r.get("tenant_id", String.class), r.get("user_id", String.class),
                            Role.fromWire(r.get("role", String.class)), id);
                    return new Cached(id, revoked == null ? caller : null,
                            expires == null ? null : Instant.ofEpochMilli(expires), now.plus(CACHE_FOR));
                })
                .one()
                .flatMap(entry -> {
                    if (entry.caller == null) {
                        return Mono.empty();
                    }
                    verified.put(hash, entry);
                    return entry.expiresAt != null && !entry.expiresAt.isAfter(now) ? Mono.empty()
                            : Mono.just(entry.caller);
                });
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Map<String, Object> view(String id, String tenant, String user, String name, String role,
                                            String prefix, Long created, Long expires, Long revoked) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("name", name);
        view.put("role", role);
        view.put("tenant", tenant);
        view.put("user", user);
        view.put("prefix", prefix);
        view.put("createdAt", Instant.ofEpochMilli(created));
        view.put("expiresAt", expires == null ? null : Instant.ofEpochMilli(expires));
        view.put("revokedAt", revoked == null ? null : Instant.ofEpochMilli(revoked));
        view.put("active", revoked == null && (expires == null || expires > System.currentTimeMillis()));
        return view;
    }

    private record Cached(String keyId, Caller caller, Instant expiresAt, Instant until) {
    }
}
