package dev.atrium.platform.web;

import dev.atrium.platform.plugins.InstalledPlugin;
import dev.atrium.platform.plugins.PluginCatalog;
import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.runs.InputBinder;
import dev.atrium.platform.runs.Run;
import dev.atrium.platform.runs.RunService;
import dev.atrium.platform.runs.StoredFile;
import dev.atrium.platform.security.Callers;
import dev.atrium.platform.skills.RegisteredSkill;
import dev.atrium.platform.skills.SkillRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The skill catalogue and starting runs. */
@RestController
@RequestMapping("/api/skills")
public class SkillController {


    private final SkillRegistry registry;
    private final PluginCatalog catalog;
    private final RunService runs;
    private final RunInputReader reader;
    private final Callers callers;

    public SkillController(SkillRegistry registry, PluginCatalog catalog, RunService runs, RunInputReader reader,
                           Callers callers) {
        this.callers = callers;
        this.registry = registry;
        this.catalog = catalog;
        this.runs = runs;
        this.reader = reader;
    }

    @GetMapping
    public List<Map<String, Object>> list() {
        return registry.all().stream().map(Views::skill).toList();
    }

    @GetMapping("/{plugin}/{skill}")
    public Map<String, Object> get(@PathVariable String plugin, @PathVariable String skill) {
        return Views.skill(resolve(plugin, skill));
    }

    /** Starts a run from a JSON body that is the input object itself. */
    @PostMapping(path = "/{plugin}/{skill}/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> runJson(
            @PathVariable String plugin, @PathVariable String skill,
            @RequestParam(defaultValue = "false") boolean wait,
            @RequestBody(required = false) Mono<String> body, ServerWebExchange exchange) {
        RegisteredSkill target = resolve(plugin, skill);
        return callers.current().flatMap(caller -> body.defaultIfEmpty("").map(reader::parseInput).map(values -> {
            InputBinder.Bound bound = InputBinder.bind(target.spec(), values, Map.of());
            return runs.start(runs.newRunId(), target, bound, List.of(), caller.tenantId(), caller.userId(),
                    Set.of(caller.role().wireName()),
                    locale(exchange));
        })).flatMap(run -> respond(run, wait));
    }

    /** Starts a run from a multipart body: an {@code input} JSON part, form fields and file parts. */
    @PostMapping(path = "/{plugin}/{skill}/runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<Map<String, Object>>> runMultipart(
            @PathVariable String plugin, @PathVariable String skill,
            @RequestParam(defaultValue = "false") boolean wait, ServerWebExchange exchange) {
        RegisteredSkill target = resolve(plugin, skill);
        String runId = runs.newRunId();
        Path folder = runs.folderOf(runId);
        return callers.current().flatMap(caller -> exchange.getMultipartData()
                .flatMap(parts -> reader.read(target.spec(), parts, folder))
                .map(received -> {
                    InputBinder.Bound bound = InputBinder.bind(target.spec(), received.values(), received.files());
                    List<StoredFile> files = received.allFiles();
                    return runs.start(runId, target, bound, files, caller.tenantId(), caller.userId(),
                    Set.of(caller.role().wireName()),
                            locale(exchange));
                }))
                // A refused request leaves nothing behind.
                .onErrorResume(error -> Mono.fromRunnable(() -> deleteTree(folder))
                        .subscribeOn(Schedulers.boundedElastic()).then(Mono.error(error)))
                .flatMap(run -> respond(run, wait));
    }

    private Mono<ResponseEntity<Map<String, Object>>> respond(Run run, boolean wait) {
        if (wait) {
            return run.whenFinished().map(finished -> ResponseEntity.ok(Views.run(finished)));
        }
        return Mono.just(ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/runs/" + run.id())).body(Views.run(run)));
    }

    private RegisteredSkill resolve(String plugin, String skill) {
        return registry.find(plugin, skill).orElseThrow(() -> {
            InstalledPlugin installed = catalog.find(plugin).orElse(null);
            if (installed == null) {
                return ProblemException.notFound("plugin-not-found", "no plugin '" + plugin + "' is installed")
                        .with("plugin", plugin);
            }
            if (installed.state() != InstalledPlugin.State.STARTED) {
                return ProblemException.conflict("plugin-not-started", "Plugin not started",
                        "plugin '" + plugin + "' is " + installed.state().name().toLowerCase(Locale.ROOT))
                        .with("plugin", plugin);
            }
            return ProblemException.notFound("skill-not-found",
                    "plugin '" + plugin + "' has no skill '" + skill + "'").with("plugin", plugin).with("skill", skill);
        });
    }

    private static Locale locale(ServerWebExchange exchange) {
        List<Locale> locales = exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
        return locales.isEmpty() ? Locale.ENGLISH : locales.get(0);
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // best effort: an orphaned upload folder is harmless
        }
    }
}
