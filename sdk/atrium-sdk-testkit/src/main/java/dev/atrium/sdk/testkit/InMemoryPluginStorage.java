package dev.atrium.sdk.testkit;

import dev.atrium.sdk.PluginStorage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * Plugin storage held in memory, for tests. It enforces the key rules of {@link PluginStorage} so a skill
 * that works here does not fail on the host because of a key, and copies values in and out like a real store.
 *
 * @since 0.1
 */
public final class InMemoryPluginStorage implements PluginStorage {

    // The SDK says keys are "short"; 256 characters is the limit this testkit holds skills to.
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._/-]{1,256}");

    private final ConcurrentSkipListMap<String, byte[]> values = new ConcurrentSkipListMap<>();

    /**
     * Creates an empty storage.
     *
     * @since 0.1
     */
    public InMemoryPluginStorage() {
    }

    /**
     * The value stored under the key, as a copy.
     *
     * @since 0.1
     */
    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(values.get(checkKey(key))).map(byte[]::clone);
    }

    /**
     * Stores a copy of the value, replacing any earlier one.
     *
     * @since 0.1
     */
    @Override
    public void put(String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        values.put(checkKey(key), value.clone());
    }

    /**
     * Removes a value; does nothing if absent.
     *
     * @since 0.1
     */
    @Override
    public void delete(String key) {
        values.remove(checkKey(key));
    }

    /**
     * Keys that start with the prefix, sorted; an empty prefix lists every key.
     *
     * @since 0.1
     */
    @Override
    public List<String> keys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return values.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /**
     * How many values are stored.
     *
     * @since 0.1
     */
    public int size() {
        return values.size();
    }

    private static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(
                    "storage key must be 1 to 256 letters, digits and . _ - /: '" + key + "'");
        }
        return key;
    }
}
