package dev.atrium.platform.runs;

import dev.atrium.sdk.BadInputException;
import dev.atrium.sdk.CapabilityNotGrantedException;
import dev.atrium.sdk.QuotaExceededException;
import dev.atrium.sdk.PluginStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Plugin storage as one file per key under {@code storage/<tenant>/<plugin>/}. File names are the
 * URL-safe Base64 of the key, so no key can reach outside the folder; writes are atomic.
 */
final class FilePluginStorage implements PluginStorage {

    private static final int MAX_KEY_BYTES = 150; // Base64 of it stays within a 255-byte file name
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Path folder;
    private final long quotaBytes;

    /**
     * @param quotaBytes how much the plugin may keep here; 0 when it was not granted storage at all
     */
    FilePluginStorage(Path folder, long quotaBytes) {
        this.folder = folder;
        this.quotaBytes = quotaBytes;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(fileOf(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String key, byte[] value) {
        Path file = fileOf(key);
        if (quotaBytes <= 0) {
            throw new CapabilityNotGrantedException("storage", "this plugin has not been granted storage; it must "
                    + "declare storage:<size> in plugin.capabilities and an administrator must grant it");
        }
        try {
            long used = used() - (Files.exists(file) ? Files.size(file) : 0);
            if (used + value.length > quotaBytes) {
                throw new QuotaExceededException("storing " + value.length + " bytes would exceed this plugin's "
                        + "storage allowance of " + quotaBytes + " bytes (" + used + " in use)");
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, ".put-", ".tmp");
            Files.write(temp, value);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> keys(String prefix) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .map(name -> new String(DECODER.decode(name), StandardCharsets.UTF_8))
                    .filter(key -> key.startsWith(prefix == null ? "" : prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the plugin keeps here now. */
    private long used() throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path f : files.toList()) {
                try {
                    total += Files.size(f);
                } catch (NoSuchFileException e) {
                    // removed meanwhile
                }
            }
            return total;
        }
    }

    private Path fileOf(String key) {
        byte[] bytes = key == null ? new byte[0] : key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_KEY_BYTES) {
            throw new BadInputException("storage keys are 1 to " + MAX_KEY_BYTES + " bytes of UTF-8");
        }
        return folder.resolve(ENCODER.encodeToString(bytes));
    }
}
