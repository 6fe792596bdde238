package dev.atrium.sdk;

/**
 * The version of the plugin contract this SDK implements; plugins state the range they need in
 * {@code plugin.requires} and the host refuses plugins whose range does not include it.
 *
 * @since 0.1
 */
public final class SdkVersion {

    private SdkVersion() {
    }

    /** The contract version, for example {@code 0.1.0}. */
    public static String current() {
        return PluginContract.sdkVersion();
    }
}
