package dev.atrium.platform.web;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.runs.Run;
import dev.atrium.platform.runs.RunQuery;
import dev.atrium.platform.runs.RunService;
import dev.atrium.platform.runs.RunStatus;
import dev.atrium.platform.runs.StoredFile;
import dev.atrium.platform.security.Caller;
import dev.atrium.platform.security.Callers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs: their state, their event stream, their artifacts, and cancellation. Users see their own runs,
 * admins and auditors their tenant's; a run outside that answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/runs")
public class RunController {

    private final RunService runs;
    private final Callers callers;

    public RunController(RunService runs, Callers callers) {
        this.runs = runs;
        this.callers = callers;
    }

    /**
     * @param from created at or after (ISO instant), optional
     * @param to created before (ISO instant), optional
     */
    @GetMapping
    public Mono<List<Map<String, Object>>> list(@RequestParam(required = false) String plugin,
                                                @RequestParam(required = false) String skill,
                                                @RequestParam(required = false) String status,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(defaultValue = "50") int limit) {
        RunStatus wanted;
        try {
            wanted = status == null ? null : RunStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-request", "Unknown status", "no run status '" + status + "'");
        }
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        return callers.current().flatMap(caller -> runs.recent(new RunQuery(caller.tenantId(),
                        caller.seesWholeTenant() ? null : caller.userId(), plugin, skill, wanted, since, until,
                        Math.max(1, Math.min(limit, 500)))))
                .map(list -> list.stream().map(Views::run).toList());
    }

    @GetMapping("/{id}")
    public Mono<Map<String, Object>> get(@PathVariable String id) {
        return visible(id).map(Views::run);
    }

    /** Server-sent events from the first (or after {@code Last-Event-ID}); ends after the final status. */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> events(@PathVariable String id,
                                                @RequestHeader(name = "Last-Event-ID", required = false) String lastId) {
        long after = parseLastId(lastId);
        return visible(id).flatMapMany(run -> run.eventStream()
                .filter(event -> event.seq() > after)
                .map(event -> ServerSentEvent.builder(event.data())
                        .id(Long.toString(event.seq())).event(event.type()).build()));
    }

    @GetMapping("/{id}/artifacts/{name}")
    public Mono<ResponseEntity<Resource>> artifact(@PathVariable String id, @PathVariable String name) {
        return visible(id).map(run -> {
            StoredFile artifact = run.artifact(name);
            if (artifact == null) {
                throw ProblemException.notFound("artifact-not-found",
                        "run '" + id + "' has no artifact '" + name + "'").with("run", id).with("artifact", name);
            }
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(artifact.mediaType()))
                    .contentLength(artifact.size())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(artifact.name(), StandardCharsets.UTF_8).build().toString())
                    .header(HttpHeaders.ETAG, "\"" + artifact.sha256() + "\"")
                    .body(new FileSystemResource(artifact.path()));
        });
    }

    @DeleteMapping("/{id}")
    public Mono<Map<String, Object>> cancel(@PathVariable String id) {
        return visible(id).map(runs::cancel).map(Views::run);
    }

    /** The run if the caller may see it; otherwise the same 404 as for a run that does not exist. */
    private Mono<Run> visible(String id) {
        return callers.current().flatMap(caller -> runs.get(id).filter(run -> maySee(caller, run)))
                .switchIfEmpty(Mono.error(() -> RunService.notFound(id)));
    }

    private static boolean maySee(Caller caller, Run run) {
        return run.tenantId().equals(caller.tenantId())
                && (caller.seesWholeTenant() || run.userId().equals(caller.userId()));
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

    private static long parseLastId(String lastId) {
        try {
            return lastId == null ? 0 : Long.parseLong(lastId.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
