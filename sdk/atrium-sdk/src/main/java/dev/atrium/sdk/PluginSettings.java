package dev.atrium.sdk;

import java.util.Map;
import java.util.Optional;

/**
 * A plugin's settings as configured by an administrator. Secrets are readable by the plugin but never
 * shown back by the host.
 *
 * @since 0.1
 */
public interface PluginSettings {

    /** The value of a setting. */
    Optional<String> get(String key);

    /** The value of a setting, or the fallback. */
    default String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** All settings by key. */
    Map<String, String> asMap();

    /** Settings backed by a fixed map (for tests and hosts without configuration). */
    static PluginSettings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new PluginSettings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(copy.get(key));
            }

            @Override
            public Map<String, String> asMap() {
                return copy;
            }
        };
    }
}
