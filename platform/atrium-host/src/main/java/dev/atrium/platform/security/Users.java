package dev.atrium.platform.security;

import dev.atrium.platform.problem.ProblemException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * People who sign in to the portal. Passwords are hashed with Argon2id (hashing is deliberately slow, so
 * it runs on a worker thread, never an event loop). Usernames are unique across the platform, so the login
 * form needs no tenant field.
 */
@Component
public class Users {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");
    private static final int MIN_PASSWORD = 12;

    private final DatabaseClient db;
    private final PasswordEncoder passwords;

    public Users(DatabaseClient db, PasswordEncoder passwords) {
        this.db = db;
        this.passwords = passwords;
    }

    /**
     * A user as the login form needs it.
     *
     * @param passwordHash the encoded password, or {@code null} if the user cannot sign in with one
     */
    public record Account(String id, String tenantId, String username, String passwordHash, Role role,
                          boolean disabled) {

        /** The caller this account acts as. */
        public Caller caller() {
            return new Caller(tenantId, id, role, null);
        }
    }

    /** Whether any user exists (a fresh installation has none). */
    public Mono<Boolean> any() {
        return db.sql("SELECT COUNT(*) AS n FROM users").map(r -> r.get("n", Long.class)).one().map(n -> n > 0);
    }

    /** The account with the username, or empty. */
    public Mono<Account> byUsername(String username) {
        return db.sql("SELECT id, tenant_id, username, password_hash, role, disabled FROM users WHERE username = :u")
                .bind("u", username)
                .map(r -> new Account(r.get("id", String.class), r.get("tenant_id", String.class),
                        r.get("username", String.class), r.get("password_hash", String.class),
                        Role.fromWire(r.get("role", String.class)), Boolean.TRUE.equals(r.get("disabled", Boolean.class))))
                .one();
    }

    /** The user name of a user of the tenant, or empty. */
    public Mono<String> usernameOf(String tenantId, String id) {
        return db.sql("SELECT username FROM users WHERE id = :id AND tenant_id = :tenant")
                .bind("id", id).bind("tenant", tenantId)
                .map(r -> r.get("username", String.class))
                .one();
    }

    /** The tenant's users, oldest first. */
    public Mono<List<Map<String, Object>>> list(String tenantId) {
        return db.sql("SELECT id, tenant_id, username, display_name, role, disabled, created_at FROM users "
                        + "WHERE tenant_id = :tenant ORDER BY created_at, username")
                .bind("tenant", tenantId)
                .map(r -> view(r.get("id", String.class), r.get("tenant_id", String.class),
                        r.get("username", String.class), r.get("display_name", String.class),
                        r.get("role", String.class), Boolean.TRUE.equals(r.get("disabled", Boolean.class)),
                        r.get("created_at", Long.class)))
                .all().collectList();
    }

    /** Creates a user; 400 for a bad username or a short password, 409 if the username is taken. */
    public Mono<Map<String, Object>> create(String tenantId, String username, String displayName, String password,
                                            Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Mono.error(ProblemException.badRequest("bad-username", "Bad username",
                    "a username is 2 to 100 letters, digits, dots, dashes, underscores or @, got '" + username + "'"));
        }
        if (password != null && password.length() < MIN_PASSWORD) {
            return Mono.error(ProblemException.badRequest("weak-password", "Password too short",
                    "a password has at least " + MIN_PASSWORD + " characters"));
        }
        String id = UUID.randomUUID().toString();
        long now = Instant.now().toEpochMilli();
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        return byUsername(username).hasElement().flatMap(taken -> taken
                ? Mono.error(ProblemException.conflict("username-taken", "Username taken",
                        "the username '" + username + "' is taken"))
                : encode(password).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(hash -> {
                            DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO users (id, tenant_id, "
                                            + "username, display_name, password_hash, role, disabled, created_at) VALUES "
                                            + "(:id, :tenant, :username, :name, :hash, :role, FALSE, :at)")
                                    .bind("id", id).bind("tenant", tenantId).bind("username", username)
                                    .bind("name", name).bind("role", role.wireName()).bind("at", now);
                            insert = hash.isPresent() ? insert.bind("hash", hash.get())
                                    : insert.bindNull("hash", String.class);
                            return insert.then();
                        })
                        .thenReturn(view(id, tenantId, username, name, role.wireName(), false, now)));
    }

    /** Changes a user of the tenant: password, role, disabled. 404 if the tenant has no such user. */
    public Mono<Map<String, Object>> update(String tenantId, String id, String password, Role role, Boolean disabled) {
        if (password != null && password.length() < MIN_PASSWORD) {
            return Mono.error(ProblemException.badRequest("weak-password", "Password too short",
                    "a password has at least " + MIN_PASSWORD + " characters"));
        }
        Mono<Void> changes = Mono.empty();
        if (password != null) {
            changes = changes.then(encode(password).flatMap(hash -> db.sql("UPDATE users SET password_hash = :h "
                    + "WHERE id = :id AND tenant_id = :t").bind("h", hash).bind("id", id).bind("t", tenantId).then()));
        }
        if (role != null) {
            changes = changes.then(db.sql("UPDATE users SET role = :r WHERE id = :id AND tenant_id = :t")
                    .bind("r", role.wireName()).bind("id", id).bind("t", tenantId).then());
        }
        if (disabled != null) {
            changes = changes.then(db.sql("UPDATE users SET disabled = :d WHERE id = :id AND tenant_id = :t")
                    .bind("d", disabled).bind("id", id).bind("t", tenantId).then());
        }
        Mono<Void> all = changes;
        return find(tenantId, id).flatMap(found -> all.then(find(tenantId, id)));
    }

    /** Deletes a user of the tenant; 404 if none. Returns what was deleted. */
    public Mono<Map<String, Object>> delete(String tenantId, String id) {
        return find(tenantId, id).flatMap(user -> db.sql("DELETE FROM users WHERE id = :id AND tenant_id = :t")
                .bind("id", id).bind("t", tenantId).then().thenReturn(user));
    }

    private Mono<Map<String, Object>> find(String tenantId, String id) {
        return list(tenantId).flatMap(users -> users.stream().filter(u -> u.get("id").equals(id)).findFirst()
                .map(Mono::just).orElseGet(() -> Mono.error(ProblemException.notFound("user-not-found",
                        "no user '" + id + "' in this tenant").with("user", id))));
    }

    private Mono<String> encode(String password) {
        return password == null ? Mono.empty()
                : Mono.fromCallable(() -> passwords.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Map<String, Object> view(String id, String tenant, String username, String name, String role,
                                            boolean disabled, long created) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("username", username);
        view.put("displayName", name);
        view.put("role", role);
        view.put("tenant", tenant);
        view.put("disabled", disabled);
        view.put("createdAt", Instant.ofEpochMilli(created));
        return view;
    }
}
