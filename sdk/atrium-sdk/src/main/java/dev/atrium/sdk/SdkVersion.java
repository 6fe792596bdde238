package dev.atrium.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of the plugin contract this SDK implements; plugins state the range they need in
 * {@code plugin.requires} and the host refuses plugins whose range does not include it.
 *
 * @since 0.1
 */
public final class SdkVersion {

    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** The contract version, for example {@code 0.1.0}. */
    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                throw new IllegalStateException("sdk.properties missing from the SDK jar");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("sdk.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
