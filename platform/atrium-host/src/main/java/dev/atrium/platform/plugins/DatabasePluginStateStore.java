package dev.atrium.platform.plugins;

import dev.atrium.platform.config.AtriumProperties;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's state in the {@code plugin_state} table, so it lives with the rest of the platform's data
 * (backed up with it, shared by every host on the same database). A data home from before the table has
 * the documents as files in its plugins folder: the first read of each imports it. The catalog calls this
 * while starting and from its blocking operations, never on an event loop.
 */
@Component
public class DatabasePluginStateStore implements PluginStateStore {

    private static final Logger log = LoggerFactory.getLogger(DatabasePluginStateStore.class);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final DatabaseClient db;
    private final PluginStateStore legacyFiles;

    public DatabasePluginStateStore(DatabaseClient db, AtriumProperties properties) {
        this.db = db;
        this.legacyFiles = PluginStateStore.files(properties.home().resolve("plugins"));
    }

    @Override
    public Optional<String> read(String name) {
        Optional<String> stored = db.sql("SELECT content FROM plugin_state WHERE state_name = :name")
                .bind("name", name).map(r -> r.get("content", String.class)).one().blockOptional(LIMIT);
        if (stored.isPresent()) {
            return stored;
        }
        Optional<String> legacy = legacyFiles.read(name);
        legacy.ifPresent(content -> {
            write(name, content);
            log.info("Plugin state '{}' moved from the plugins folder into the database", name);
        });
        return legacy;
    }

    @Override
    public void write(String name, String content) {
        long now = System.currentTimeMillis();
        // UPDATE, then INSERT when there was nothing to update: the same SQL on H2 and PostgreSQL. The
        // catalog serialises its writes, so the two cannot race within a host.
        Long updated = db.sql("UPDATE plugin_state SET content = :content, updated_at = :now WHERE state_name = :name")
                .bind("content", content).bind("now", now).bind("name", name)
                .fetch().rowsUpdated().block(LIMIT);
        if (updated == null || updated == 0) {
            db.sql("INSERT INTO plugin_state (state_name, content, updated_at) VALUES (:name, :content, :now)")
                    .bind("name", name).bind("content", content).bind("now", now)
                    .fetch().rowsUpdated().block(LIMIT);
        }
    }
}
