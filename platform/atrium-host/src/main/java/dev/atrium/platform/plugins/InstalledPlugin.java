package dev.atrium.platform.plugins;

/**
 * A plugin in the plugins folder and what became of it.
 *
 * @param archive its inspected archive
 * @param state started, disabled, or failed to start
 * @param bundled whether it came with the platform
 * @param error why it failed, or {@code null}
 */
public record InstalledPlugin(PluginArchive archive, State state, boolean bundled, String error) {

    /** Lifecycle state. */
    public enum State { STARTED, DISABLED, FAILED }

    public String id() {
        return archive.id();
    }

    InstalledPlugin withState(State newState, String newError) {
        return new InstalledPlugin(archive, newState, bundled, newError);
    }
}
