package dev.atrium.platform.plugins;

import java.nio.file.Path;
import java.util.List;

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
 * @param dependencies other plugins it needs installed ({@code plugin.dependencies}, PF4J's {@code id@range} form)
 */
public record PluginArchive(Path file, String id, String version, String description, String provider,
                            String license, String requires, String sha256, boolean sensitive,
                            String settingsSchema, String signer, Capabilities capabilities,
                            List<Dependency> dependencies) {

    public PluginArchive {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /**
     * A plugin this one needs.
     *
     * @param pluginId the other plugin's id
     * @param range the versions it works with ({@code *} for any)
     * @param optional whether it also installs without it
     */
    public record Dependency(String pluginId, String range, boolean optional) {
    }

    /** The same archive at another place on disk. */
    public PluginArchive at(Path newFile) {
        return new PluginArchive(newFile, id, version, description, provider, license, requires, sha256, sensitive,
                settingsSchema, signer, capabilities, dependencies);
    }
}
