package dev.atrium.platform.settings;

import dev.atrium.platform.config.AtriumProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What a plugin leaves behind in every tenant: its settings and its storage, removed on a purge. */
@Component
public class PluginData {

    private final DatabaseClient db;
    private final Path storage;
    private final TenantSettings settings;

    public PluginData(DatabaseClient db, AtriumProperties properties, TenantSettings settings) {
        this.db = db;
        this.storage = properties.home().resolve("storage");
        this.settings = settings;
    }

    /** Removes the plugin's settings and storage in every tenant. */
    public Mono<Void> purge(String pluginId) {
        Mono<Void> files = Mono.<Void>fromRunnable(() -> deleteStorage(pluginId)).subscribeOn(Schedulers.boundedElastic());
        return db.sql("DELETE FROM plugin_settings WHERE plugin_id = :p").bind("p", pluginId).then()
                .then(Mono.fromRunnable(() -> settings.forget(pluginId)))
                .then(files);
    }

    private void deleteStorage(String pluginId) {
        if (!Files.isDirectory(storage)) {
            return;
        }
        try (Stream<Path> tenants = Files.list(storage)) {
            for (Path folder : tenants.map(t -> t.resolve(pluginId)).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the storage of plugin " + pluginId, e);
        }
    }
}
