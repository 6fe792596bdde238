package dev.atrium.platform.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where the plugin catalog keeps its small state documents by name ({@code disabled.list},
 * {@code grants.properties}, {@code bundled.properties}). The platform keeps them in its database
 * ({@link DatabasePluginStateStore}); a catalog built without one (tests, tools) keeps them as files.
 */
public interface PluginStateStore {

    /** The document, or empty if it was never written. */
    Optional<String> read(String name);

    /** Replaces the document. */
    void write(String name, String content);

    /** Documents as files in a folder, each replaced atomically. */
    static PluginStateStore files(Path folder) {
        return new PluginStateStore() {
            @Override
            public Optional<String> read(String name) {
                Path file = folder.resolve(name);
                try {
                    return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                            : Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void write(String name, String content) {
                try {
                    Files.createDirectories(folder);
                    Path temp = folder.resolve(name + ".tmp");
                    Files.writeString(temp, content, StandardCharsets.UTF_8);
                    Files.move(temp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
