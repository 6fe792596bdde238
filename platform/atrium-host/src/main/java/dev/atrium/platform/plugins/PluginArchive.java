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
 * @param sensitive the plugin handles sensitive data ({@code plugin.sensitive=true}): every run is audited
 * @param settingsSchema the JSON Schema of its per-tenant settings ({@code settings.schema.json} at the
 *                       archive's root), or {@code null}; properties with {@code "writeOnly": true} are secrets
 * @param signer the id of the trusted key that signed the archive, or {@code null} if it is unsigned
 * @param capabilities what it asks of the host ({@code plugin.capabilities})
 */
public record PluginArchive(Path file, String id, String version, String description, String provider,
                            String license, String requires, String sha256, boolean sensitive,
                            String settingsSchema, String signer, Capabilities capabilities) {

    /** The same archive at another place on disk. */
    public PluginArchive at(Path newFile) {
        return new PluginArchive(newFile, id, version, description, provider, license, requires, sha256, sensitive,
                settingsSchema, signer, capabilities);
    }
}
