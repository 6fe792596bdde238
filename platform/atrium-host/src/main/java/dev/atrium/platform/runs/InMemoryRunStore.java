package dev.atrium.platform.runs;

import dev.atrium.platform.config.AtriumProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps runs in memory. Beyond the retention limit the oldest finished runs are forgotten and their files
 * removed, so a busy host does not grow without bound.
 */
@Component
public class InMemoryRunStore implements RunStore {

    private static final Logger log = LoggerFactory.getLogger(InMemoryRunStore.class);

    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Run> finishedOrder = new ConcurrentLinkedQueue<>();
    // ConcurrentLinkedQueue.size() walks the whole queue; keep the count ourselves.
    private final AtomicInteger finishedCount = new AtomicInteger();
    private final int retained;

    public InMemoryRunStore(AtriumProperties properties) {
        this.retained = properties.runs().retainedRuns();
    }

    @Override
    public void add(Run run) {
        runs.put(run.id(), run);
    }

    @Override
    public void finished(Run run) {
        finishedOrder.add(run);
        finishedCount.incrementAndGet();
        while (finishedCount.get() > retained) {
            Run evicted = finishedOrder.poll();
            if (evicted == null) {
                break;
            }
            finishedCount.decrementAndGet();
            runs.remove(evicted.id());
            if (!evicted.inputFiles().isEmpty() || !evicted.artifacts().isEmpty()) {
                // Runs may finish on an event-loop thread (a cancel); file work goes elsewhere.
                Schedulers.boundedElastic().schedule(() -> deleteFolder(evicted.folder()));
            }
        }
    }

    @Override
    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public List<Run> recent(String pluginId, String skillId, RunStatus status, int limit) {
        return runs.values().stream()
                .filter(r -> pluginId == null || r.pluginId().equals(pluginId))
                .filter(r -> skillId == null || r.skillId().equals(skillId))
                .filter(r -> status == null || r.status() == status)
                .sorted(Comparator.comparing(Run::createdAt).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Run> active() {
        return new ArrayList<>(runs.values().stream().filter(r -> !r.status().isFinal()).toList());
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", folder, e.toString());
        }
    }
}
