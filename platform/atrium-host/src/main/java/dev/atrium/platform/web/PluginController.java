package dev.atrium.platform.web;

import dev.atrium.platform.config.AtriumProperties;
import dev.atrium.platform.plugins.InstalledPlugin;
import dev.atrium.platform.plugins.PluginCatalog;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.skills.SkillRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import dev.atrium.platform.settings.PluginData;
import dev.atrium.platform.audit.AuditLog;
import dev.atrium.platform.security.Callers;
import dev.atrium.platform.security.Requests;

/** Installing, listing, enabling, disabling and removing plugins. */
@RestController
@RequestMapping("/api/plugins")
public class PluginController {

    private final PluginCatalog catalog;
    private final SkillRegistry registry;
    private final long maxArchiveBytes;
    private final Callers callers;
    private final AuditLog audit;
    private final PluginData data;

    public PluginController(PluginCatalog catalog, SkillRegistry registry, AtriumProperties properties,
                            Callers callers, AuditLog audit, PluginData data) {
        this.data = data;
        this.callers = callers;
        this.audit = audit;
        this.catalog = catalog;
        this.registry = registry;
        this.maxArchiveBytes = properties.uploads().maxPluginArchiveSize().toBytes();
    }

    @GetMapping
    public Mono<List<Map<String, Object>>> list() {
        return blocking(() -> catalog.list().stream().map(this::view).toList());
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> get(@PathVariable String id) {
        return blocking(() -> view(catalog.find(id).orElseThrow(() ->
                ProblemException.notFound("plugin-not-found", "no plugin '" + id + "' is installed"))));
    }

    /**
     * Installs an archive sent as a multipart {@code file} part or as the raw request body; with
     * {@code ?upgrade=true} it replaces the installed plugin of the same id (all or nothing).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> uploadMultipart(ServerWebExchange exchange) {
        Set<String> grant = grantParameter(exchange);
        return exchange.getMultipartData().flatMap(parts -> {
            Part part = parts.getFirst("file");
            if (part == null) {
                part = parts.values().stream().flatMap(List::stream).filter(p -> p instanceof FilePart)
                        .findFirst().orElse(null);
            }
            if (!(part instanceof FilePart)) {
                return Mono.error(ProblemException.badRequest("bad-request", "No plugin archive",
                        "send the plugin archive as a multipart file part named 'file'"));
            }
            return install(part.content(), exchange, grant);
        });
    }

    @PostMapping(consumes = {"application/zip", "application/x-zip-compressed", "application/octet-stream",
            "application/java-archive"})
    public Mono<ResponseEntity<Map<String, Object>>> uploadRaw(ServerWebExchange exchange) {
        return install(exchange.getRequest().getBody(), exchange, grantParameter(exchange));
    }

    @PostMapping("/{id}/enable")
    public Mono<Map<String, Object>> enable(@PathVariable String id, ServerWebExchange exchange) {
        return audited(exchange, "plugin.enable", id, blocking(() -> view(catalog.enable(id))));
    }

    @PostMapping("/{id}/disable")
    public Mono<Map<String, Object>> disable(@PathVariable String id, ServerWebExchange exchange) {
        return audited(exchange, "plugin.disable", id, blocking(() -> view(catalog.disable(id))));
    }

    /**
     * Uninstalls a plugin. Its data (every tenant's settings and storage) is kept for a reinstall unless
     * {@code ?purge=true}.
     */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id,
                                             @RequestParam(defaultValue = "false") boolean purge,
                                             ServerWebExchange exchange) {
        return audited(exchange, purge ? "plugin.delete-purge" : "plugin.delete", id, blocking(() -> {
            catalog.delete(id);
            return ResponseEntity.noContent().<Void>build();
        }).flatMap(done -> purge ? data.purge(id).thenReturn(done) : Mono.just(done)));
    }

    /** Records the outcome of an administrative action, refused ones included, with the problem's code. */
    private <T> Mono<T> audited(ServerWebExchange exchange, String action, String target, Mono<T> work) {
        return audited(exchange, action, target, done -> target, work);
    }

    private <T> Mono<T> audited(ServerWebExchange exchange, String action, String target,
                                java.util.function.Function<T, String> targetOf, Mono<T> work) {
        return callers.current().flatMap(caller -> work
                .doOnNext(done -> audit.record(new AuditLog.Entry(caller.tenantId(), AccessController.actor(caller),
                        action, "plugin " + targetOf.apply(done), "success", Requests.clientIp(exchange), null)))
                .doOnError(error -> audit.record(new AuditLog.Entry(caller.tenantId(), AccessController.actor(caller),
                        action, "plugin " + target, "failure", Requests.clientIp(exchange),
                        error instanceof ProblemException p ? p.code() + ": " + p.getMessage() : error.toString()))));
    }

    /** Grants exactly these of the plugin's declared capabilities: {@code {"capabilities": ["ocr", …]}}. */
    @PutMapping("/{id}/grants")
    public Mono<Map<String, Object>> grant(@PathVariable String id, @RequestBody Map<String, Object> body,
                                           ServerWebExchange exchange) {
        if (!(body.get("capabilities") instanceof List<?> list)) {
            throw ProblemException.badRequest("bad-request", "No capabilities",
                    "send {\"capabilities\": [\"model.chat\", …]}");
        }
        Set<String> names = new TreeSet<>();
        list.forEach(item -> names.add(String.valueOf(item).strip()));
        return audited(exchange, "plugin.grant", id, done -> id + " " + String.join(",", names),
                blocking(() -> {
                    catalog.grant(id, names);
                    return view(catalog.find(id).orElseThrow());
                }));
    }

    /**
     * {@code ?grant=}: {@code all} (the default: the administrator installing the plugin grants what it
     * declares), {@code none}, or a comma-separated list of declared capabilities.
     */
    private static Set<String> grantParameter(ServerWebExchange exchange) {
        String grant = exchange.getRequest().getQueryParams().getFirst("grant");
        if (grant == null || grant.isBlank() || grant.strip().equals("all")) {
            return null;
        }
        Set<String> names = new TreeSet<>();
        if (!grant.strip().equals("none")) {
            for (String name : grant.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.strip());
                }
            }
        }
        return names;
    }

    private Mono<ResponseEntity<Map<String, Object>>> install(Flux<DataBuffer> content, ServerWebExchange exchange,
                                                               Set<String> grant) {
        return Mono.fromCallable(catalog::newStagingFile).subscribeOn(Schedulers.boundedElastic())
                .flatMap(staged -> {
                    AtomicLong size = new AtomicLong();
                    Flux<DataBuffer> bounded = content.doOnNext(buffer -> {
                        if (size.addAndGet(buffer.readableByteCount()) > maxArchiveBytes) {
                            DataBufferUtils.release(buffer);
                            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                                    "Plugin archive too large", "plugin archives are limited to "
                                    + maxArchiveBytes + " bytes");
                        }
                    });
                    boolean upgrade = "true".equalsIgnoreCase(exchange.getRequest().getQueryParams().getFirst("upgrade"));
                    return DataBufferUtils.write(bounded, staged)
                            .then(blocking(() -> catalog.install(staged, grant, upgrade)))
                            .onErrorResume(error -> blocking(() -> Files.deleteIfExists(staged))
                                    .then(Mono.error(error)));
                })
                .map(plugin -> ResponseEntity.created(URI.create("/api/plugins/" + plugin.id())).body(view(plugin)))
                .transform(work -> audited(exchange, "plugin.install", "archive",
                        response -> response.getBody().get("id") + " " + response.getBody().get("version")
                                + " sha256 " + response.getBody().get("sha256") + " granted "
                                + ((Map<?, ?>) response.getBody().get("capabilities")).get("granted"), work));
    }

    private Map<String, Object> view(InstalledPlugin plugin) {
        return Views.plugin(plugin, registry.skillsOf(plugin.id()), catalog.grantsOf(plugin.id()));
    }

    private static <T> Mono<T> blocking(Callable<T> action) {
        return Mono.fromCallable(action).subscribeOn(Schedulers.boundedElastic());
    }

}
