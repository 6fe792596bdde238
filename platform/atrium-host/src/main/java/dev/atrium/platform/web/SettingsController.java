package dev.atrium.platform.web;

import dev.atrium.platform.audit.AuditLog;
import dev.atrium.platform.plugins.InstalledPlugin;
import dev.atrium.platform.plugins.PluginCatalog;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.security.Callers;
import dev.atrium.platform.security.Requests;
import dev.atrium.platform.security.TenantScope;
import dev.atrium.platform.settings.TenantSettings;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A plugin's settings for the caller's tenant: {@code GET} and {@code PUT /api/plugins/{id}/settings}. */
@RestController
public class SettingsController {

    private final PluginCatalog catalog;
    private final TenantSettings settings;
    private final Callers callers;
    private final TenantScope scope;
    private final AuditLog audit;

    public SettingsController(PluginCatalog catalog, TenantSettings settings, Callers callers, TenantScope scope,
                              AuditLog audit) {
        this.catalog = catalog;
        this.settings = settings;
        this.callers = callers;
        this.scope = scope;
        this.audit = audit;
    }

    /** The values (secrets masked), the schema, and which properties are secret. */
    @GetMapping("/api/plugins/{id}/settings")
    public Mono<Map<String, Object>> get(@PathVariable String id, @RequestParam(required = false) String tenant) {
        InstalledPlugin plugin = plugin(id);
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant))
                .flatMap(t -> settings.view(t, id, plugin.archive().settingsSchema()));
    }

    /** Replaces the values: {@code {"values": {…}}}; a secret sent back masked keeps its stored value. */
    @PutMapping("/api/plugins/{id}/settings")
    public Mono<Map<String, Object>> put(@PathVariable String id, @RequestBody Map<String, Object> body,
                                         @RequestParam(required = false) String tenant, ServerWebExchange exchange) {
        InstalledPlugin plugin = plugin(id);
        if (!(body.get("values") instanceof Map<?, ?> raw)) {
            throw ProblemException.badRequest("bad-request", "No values", "send {\"values\": {…}}");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) raw;
        String schema = plugin.archive().settingsSchema();
        return callers.current().flatMap(caller -> scope.resolve(caller, tenant)
                .flatMap(t -> settings.update(t, id, schema, values)
                        // Names only: values (secrets above all) never reach the audit log.
                        .doOnNext(changed -> audit.record(new AuditLog.Entry(t, AccessController.actor(caller),
                                "settings.update", "plugin " + id, "success", Requests.clientIp(exchange),
                                "changed: " + String.join(", ", changed))))
                        .then(settings.view(t, id, schema))));
    }

    private InstalledPlugin plugin(String id) {
        return catalog.find(id).orElseThrow(() ->
                ProblemException.notFound("plugin-not-found", "no plugin '" + id + "' is installed"));
    }
}
