package dev.atrium.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The terms between the host and every plugin that are not Java types: which packages the host supplies, and
 * which capabilities a plugin may declare in {@code plugin.capabilities}. The host enforces them on install and
 * the plugin build checks them before an archive is written, both reading them from here so they cannot drift.
 *
 * @since 0.1
 */
public final class PluginContract {

    /** Where the terms live inside the SDK jar; build tools read the file straight from the jar. */
    public static final String RESOURCE = "dev/atrium/sdk/sdk.properties";

    private static final Properties TERMS = load();
    private static final List<String> HOST_PACKAGES = list(TERMS.getProperty("host.packages"));
    private static final Set<String> CAPABILITIES = Set.copyOf(list(TERMS.getProperty("capabilities")));

    private PluginContract() {
    }

    /** The contract version, the same as {@link SdkVersion#current()}. */
    public static String sdkVersion() {
        return TERMS.getProperty("sdk.version");
    }

    /**
     * Package prefixes (ending in a dot, such as {@code org.slf4j.}) that the host supplies to every plugin.
     * A plugin archive holding classes under them is refused: the host's copy must be the one in use.
     */
    public static List<String> hostPackages() {
        return HOST_PACKAGES;
    }

    /** Whether a class or resource name (dotted or slashed) lies in a package the host supplies. */
    public static boolean isHostPackage(String name) {
        String dotted = name.replace('/', '.');
        for (String prefix : HOST_PACKAGES) {
            if (dotted.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Every capability name a plugin may declare; {@code storage} also takes a size, as in {@code storage:50MB}. */
    public static Set<String> capabilities() {
        return CAPABILITIES;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableList());
    }

    private static Properties load() {
        try (InputStream in = PluginContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the SDK jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
