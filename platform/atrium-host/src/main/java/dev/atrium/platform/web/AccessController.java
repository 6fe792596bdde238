package dev.atrium.platform.web;

import dev.atrium.platform.audit.AuditLog;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.security.ApiKeys;
import dev.atrium.platform.security.Caller;
import dev.atrium.platform.security.Callers;
import dev.atrium.platform.security.Requests;
import dev.atrium.platform.security.Role;
import dev.atrium.platform.security.TenantScope;
import dev.atrium.platform.security.Tenants;
import dev.atrium.platform.security.Users;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Identity administration: API keys ({@code /api/keys}), users ({@code /api/users}), tenants
 * ({@code /api/tenants}), the audit log ({@code /api/audit}) and who am I ({@code /api/me}). Role rules are
 * in the security configuration; tenant rules here.
 */
@RestController
public class AccessController {

    private final Callers callers;
    private final TenantScope scope;
    private final ApiKeys keys;
    private final Users users;
    private final Tenants tenants;
    private final AuditLog audit;

    public AccessController(Callers callers, TenantScope scope, ApiKeys keys, Users users, Tenants tenants,
                            AuditLog audit) {
        this.callers = callers;
        this.scope = scope;
        this.keys = keys;
        this.users = users;
        this.tenants = tenants;
        this.audit = audit;
    }

    @GetMapping("/api/me")
    public Mono<Map<String, Object>> me() {
        return callers.current().flatMap(caller -> users.usernameOf(caller.tenantId(), caller.userId())
                .defaultIfEmpty("")
                .map(username -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("tenant", caller.tenantId());
                    view.put("user", caller.userId());
                    // The name people know the account by (empty for the built-in local caller).
                    view.put("username", username.isEmpty() ? null : username);
                    view.put("role", caller.role().wireName());
                    view.put("key", caller.keyId());
                    view.put("platformAdmin", caller.isPlatformAdmin());
                    return view;
                }));
    }

    /** Creates a key: {@code {"name", "role", "tenant", "expiresAt"}}; the secret is in the answer, once. */
    @PostMapping("/api/keys")
    public Mono<ResponseEntity<Map<String, Object>>> createKey(@RequestBody Map<String, Object> body,
                                                               ServerWebExchange exchange) {
        String name = text(body, "name", true);
        Role role = role(body.get("role"), Role.USER);
        Instant expires = instant("expiresAt", text(body, "expiresAt", false));
        if (expires != null && !expires.isAfter(Instant.now())) {
            throw ProblemException.badRequest("bad-expiry", "Bad expiry", "'expiresAt' is in the past");
        }
        return callers.current().flatMap(caller -> scope.resolve(caller, text(body, "tenant", false))
                .flatMap(tenant -> keys.create(tenant, "key:" + name, name, role, expires)
                        .doOnNext(created -> audit(exchange, caller, tenant, "key.create",
                                "key " + created.view().get("id"), "success", name + " (" + role.wireName() + ")"))
                        .map(created -> {
                            Map<String, Object> view = new LinkedHashMap<>();
                            view.put("key", created.key());
                            view.putAll(created.view());
                            return ResponseEntity.status(HttpStatus.CREATED).body(view);
                        })));
    }

    @GetMapping("/api/keys")
    public Mono<List<Map<String, Object>>> listKeys(@RequestParam(required = false) String tenant) {
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant)).flatMap(keys::list);
    }

    @DeleteMapping("/api/keys/{id}")
    public Mono<Map<String, Object>> revokeKey(@PathVariable String id, @RequestParam(required = false) String tenant,
                                               ServerWebExchange exchange) {
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant)
                .flatMap(t -> keys.revoke(t, id)
                        .doOnNext(key -> audit(exchange, caller, t, "key.revoke", "key " + id, "success",
                                (String) key.get("name")))));
    }

    /** Creates a user: {@code {"username", "password", "role", "displayName", "tenant"}}. */
    @PostMapping("/api/users")
    public Mono<ResponseEntity<Map<String, Object>>> createUser(@RequestBody Map<String, Object> body,
                                                                ServerWebExchange exchange) {
        String username = text(body, "username", true);
        String password = text(body, "password", true);
        Role role = role(body.get("role"), Role.USER);
        return callers.current().flatMap(caller -> scope.resolve(caller, text(body, "tenant", false))
                .flatMap(tenant -> users.create(tenant, username, text(body, "displayName", false), password, role)
                        .doOnNext(user -> audit(exchange, caller, tenant, "user.create", "user " + user.get("id"),
                                "success", username + " (" + role.wireName() + ")"))
                        .map(user -> ResponseEntity.status(HttpStatus.CREATED).body(user))));
    }

    @GetMapping("/api/users")
    public Mono<List<Map<String, Object>>> listUsers(@RequestParam(required = false) String tenant) {
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant)).flatMap(users::list);
    }

    /** Changes a user: {@code {"password", "role", "disabled"}}, any of them. */
    @PatchMapping("/api/users/{id}")
    public Mono<Map<String, Object>> updateUser(@PathVariable String id, @RequestBody Map<String, Object> body,
                                                @RequestParam(required = false) String tenant,
                                                ServerWebExchange exchange) {
        String password = text(body, "password", false);
        Role role = body.containsKey("role") ? role(body.get("role"), null) : null;
        Object disabled = body.get("disabled");
        if (disabled != null && !(disabled instanceof Boolean)) {
            throw ProblemException.badRequest("bad-request", "Bad field", "'disabled' is true or false");
        }
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant)
                .flatMap(t -> users.update(t, id, password, role, (Boolean) disabled)
                        .doOnNext(user -> audit(exchange, caller, t, "user.update", "user " + id, "success",
                                changes(password, role, (Boolean) disabled)))));
    }

    @DeleteMapping("/api/users/{id}")
    public Mono<Map<String, Object>> deleteUser(@PathVariable String id, @RequestParam(required = false) String tenant,
                                                ServerWebExchange exchange) {
        return callers.current().flatMap(caller -> {
            if (id.equals(caller.userId())) {
                return Mono.error(ProblemException.conflict("self-delete", "Cannot delete yourself",
                        "an administrator cannot delete their own user"));
            }
            return scope.resolve(caller, tenant).flatMap(t -> users.delete(t, id)
                    .doOnNext(user -> audit(exchange, caller, t, "user.delete", "user " + id, "success",
                            (String) user.get("username"))));
        });
    }

    @GetMapping("/api/tenants")
    public Mono<List<Map<String, Object>>> listTenants() {
        return callers.current().flatMap(caller -> tenants.list().map(all -> caller.isPlatformAdmin() ? all
                : all.stream().filter(t -> t.get("id").equals(caller.tenantId())).toList()));
    }

    /** Creates a tenant: {@code {"id", "name"}}. */
    @PostMapping("/api/tenants")
    public Mono<ResponseEntity<Map<String, Object>>> createTenant(@RequestBody Map<String, Object> body,
                                                                  ServerWebExchange exchange) {
        String id = text(body, "id", true);
        return callers.current().flatMap(caller -> tenants.create(id, text(body, "name", false))
                .doOnNext(t -> audit(exchange, caller, id, "tenant.create", "tenant " + id, "success", null))
                .map(t -> ResponseEntity.status(HttpStatus.CREATED).body(t)));
    }

    /** The audit log, newest first, filtered and paged ({@code page} from 0, {@code size} up to 500). */
    @GetMapping("/api/audit")
    public Mono<Map<String, Object>> audit(@RequestParam(required = false) String tenant,
                                           @RequestParam(required = false) String action,
                                           @RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String outcome,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size) {
        int pageSize = Math.max(1, Math.min(size, 500));
        int pageNumber = Math.max(0, page);
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant))
                .flatMap(t -> audit.query(t, action, actor, outcome, since, until, pageNumber * pageSize, pageSize))
                .map(items -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("page", pageNumber);
                    view.put("size", pageSize);
                    view.put("items", items);
                    return view;
                });
    }

    private void audit(ServerWebExchange exchange, Caller caller, String tenant, String action, String target,
                       String outcome, String detail) {
        audit.record(new AuditLog.Entry(tenant, actor(caller), action, target, outcome,
                Requests.clientIp(exchange), detail));
    }

    /** The actor an audit record names: the user, and the key when one was used. */
    public static String actor(Caller caller) {
        return caller.keyId() == null ? caller.userId() : caller.userId() + " (key " + caller.keyId() + ")";
    }

    private static String changes(String password, Role role, Boolean disabled) {
        StringBuilder out = new StringBuilder();
        if (password != null) {
            out.append("password changed; ");
        }
        if (role != null) {
            out.append("role ").append(role.wireName()).append("; ");
        }
        if (disabled != null) {
            out.append(disabled ? "disabled; " : "enabled; ");
        }
        return out.toString().strip();
    }

    private static String text(Map<String, Object> body, String field, boolean required) {
        Object value = body == null ? null : body.get(field);
        if (value == null || (value instanceof String s && s.isBlank())) {
            if (required) {
                throw ProblemException.badRequest("missing-field", "Missing field", "'" + field + "' is required")
                        .with("field", field);
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw ProblemException.badRequest("bad-field", "Bad field", "'" + field + "' is a string")
                    .with("field", field);
        }
        return s.strip();
    }

    private static Role role(Object value, Role fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Role.fromWire(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-role", "Bad role",
                    "a role is admin, user or auditor, got '" + value + "'").with("field", "role");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-request", "Bad " + name,
                    "'" + name + "' is an ISO instant such as 2026-01-31T00:00:00Z, got '" + value + "'");
        }
    }
}
