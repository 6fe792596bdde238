package dev.atrium.platform.web;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.runs.Run;
import dev.atrium.platform.runs.RunService;
import dev.atrium.platform.runs.RunStatus;
import dev.atrium.platform.runs.StoredFile;
import java.nio.charset.StandardCharsets;
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

/** Runs: their state, their event stream, their artifacts, and cancellation. */
@RestController
@RequestMapping("/api/runs")
public class RunController {

    private final RunService runs;

    public RunController(RunService runs) {
        this.runs = runs;
    }

    @GetMapping
    public List<Map<String, Object>> list(@RequestParam(required = false) String plugin,
                                          @RequestParam(required = false) String skill,
                                          @RequestParam(required = false) String status,
                                          @RequestParam(defaultValue = "50") int limit) {
        RunStatus wanted;
        try {
            wanted = status == null ? null : RunStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("bad-request", "Unknown status", "no run status '" + status + "'");
        }
        return runs.recent(plugin, skill, wanted, Math.max(1, Math.min(limit, 500))).stream().map(Views::run).toList();
    }

    @GetMapping("/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        return Views.run(runs.get(id));
    }

    /** Server-sent events from the first (or after {@code Last-Event-ID}); ends after the final status. */
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> events(@PathVariable String id,
                                                @RequestHeader(name = "Last-Event-ID", required = false) String lastId) {
        Run run = runs.get(id);
        long after = parseLastId(lastId);
        return run.eventStream()
                .filter(event -> event.seq() > after)
                .map(event -> ServerSentEvent.builder(event.data())
                        .id(Long.toString(event.seq())).event(event.type()).build());
    }

    @GetMapping("/{id}/artifacts/{name}")
    public ResponseEntity<Resource> artifact(@PathVariable String id, @PathVariable String name) {
        Run run = runs.get(id);
        StoredFile artifact = run.artifact(name);
        if (artifact == null) {
            throw ProblemException.notFound("artifact-not-found", "run '" + id + "' has no artifact '" + name + "'")
                    .with("run", id).with("artifact", name);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(artifact.mediaType()))
                .contentLength(artifact.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(artifact.name(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + artifact.sha256() + "\"")
                .body(new FileSystemResource(artifact.path()));
    }

    @DeleteMapping("/{id}")
    public Map<String, Object> cancel(@PathVariable String id) {
        return Views.run(runs.cancel(id));
    }

    private static long parseLastId(String lastId) {
        try {
            return lastId == null ? 0 : Long.parseLong(lastId.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
