package dev.atrium.sdk;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Key/value storage private to one plugin, for sessions and small state. Keys are short strings of
 * letters, digits and {@code . _ - /}; values are bytes.
 *
 * @since 0.1
 */
public interface PluginStorage {

    /** The value stored under the key. */
    Optional<byte[]> get(String key);

    /** Stores a value, replacing any earlier one. */
    void put(String key, byte[] value);

    /** Removes a value; does nothing if absent. */
    void delete(String key);

    /** Keys that start with the prefix, sorted. */
    List<String> keys(String prefix);

    /** The value as UTF-8 text. */
    default Optional<String> getText(String key) {
        return get(key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Stores UTF-8 text. */
    default void putText(String key, String value) {
        put(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
