package dev.atrium.platform.plugins;

import java.nio.file.Path;

/**
 * A plugin archive that passed inspection.
 *
 * @param file the zip
 * @param id plugin id
 * @param version plugin version (semantic version)
 * @param description one-line description
 * @param provider who made it
 * @param license licence, may be empty
 * @param requires SDK version range it needs
 * @param sha256 checksum of the archive
 */
public record PluginArchive(Path file, String id, String version, String description, String provider,
                            String license, String requires, String sha256) {
}
