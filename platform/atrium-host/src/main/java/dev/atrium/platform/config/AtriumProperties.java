package dev.atrium.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Host settings under {@code atrium.*}.
 *
 * @param home data home: plugins, run files, plugin storage ({@code ATRIUM_HOME}, default {@code ./data})
 * @param runs run limits
 * @param plugins plugin installation settings
 * @param uploads upload limits
 */
@ConfigurationProperties("atrium")
public record AtriumProperties(Path home, Runs runs, Plugins plugins, Uploads uploads) {

    public AtriumProperties {
        home = (home == null ? Path.of("data") : home).toAbsolutePath().normalize();
        runs = runs == null ? new Runs(null, 0, 0, Map.of(), null, null) : runs;
        plugins = plugins == null ? new Plugins(true, Map.of(), null, false, List.of(), null) : plugins;
        uploads = uploads == null ? new Uploads(null, null) : uploads;
    }

    /**
     * @param defaultTimeout run time limit unless the skill or an override says otherwise
     * @param maxConcurrentPerPlugin runs of one plugin executing at once; the rest queue
     * @param retainedRuns finished runs cached in memory (all are in the database)
     * @param timeouts per-skill overrides keyed {@code plugin/skill}
     * @param retention how long a finished run (its record, events, inputs and artifacts) is kept
     * @param retentionSweep how often runs past their retention are removed
     */
    public record Runs(Duration defaultTimeout, int maxConcurrentPerPlugin, int retainedRuns,
                       Map<String, Duration> timeouts, Duration retention, Duration retentionSweep) {
        public Runs {
            retention = retention == null ? Duration.ofDays(30) : retention;
            retentionSweep = retentionSweep == null ? Duration.ofHours(1) : retentionSweep;
            defaultTimeout = defaultTimeout == null ? Duration.ofSeconds(120) : defaultTimeout;
            maxConcurrentPerPlugin = maxConcurrentPerPlugin <= 0 ? 4 : maxConcurrentPerPlugin;
            retainedRuns = retainedRuns <= 0 ? 10_000 : retainedRuns;
            timeouts = timeouts == null ? Map.of() : Map.copyOf(timeouts);
        }
    }

    /**
     * @param installBundled install the plugins shipped in the platform jar on first start
     * @param settings plugin settings keyed by plugin id, then setting key
     * @param startTimeout how long a plugin may take to start (load, start, describe its skills)
     * @param allowUnsigned install uploaded archives without a signature by a trusted key (off by default)
     * @param trustedKeys public keys (base64 X.509 Ed25519) whose signatures are trusted, besides the
     *                    {@code *.pub} files in {@code $ATRIUM_HOME/trusted-keys/}
     * @param drainTimeout after an upgrade, how long runs started on the previous version may go on before
     *                     they are ended and that version is unloaded
     */
    public record Plugins(Boolean installBundled, Map<String, Map<String, String>> settings, Duration startTimeout,
                          boolean allowUnsigned, List<String> trustedKeys, Duration drainTimeout) {
        public Plugins {
            // A Boolean, so that setting any other atrium.plugins.* property leaves this at its default.
            installBundled = installBundled == null || installBundled;
            trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
            settings = settings == null ? Map.of() : Map.copyOf(settings);
            startTimeout = startTimeout == null ? Duration.ofSeconds(30) : startTimeout;
            drainTimeout = drainTimeout == null ? Duration.ofMinutes(15) : drainTimeout;
        }
    }

    /**
     * @param maxRequestSize largest request body accepted (plugin archives, run uploads)
     * @param maxPluginArchiveSize largest plugin archive, and its largest uncompressed size / 4
     */
    public record Uploads(DataSize maxRequestSize, DataSize maxPluginArchiveSize) {
        public Uploads {
            maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(512) : maxRequestSize;
            maxPluginArchiveSize = maxPluginArchiveSize == null ? DataSize.ofMegabytes(200) : maxPluginArchiveSize;
        }
    }
}
