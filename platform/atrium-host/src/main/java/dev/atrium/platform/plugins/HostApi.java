package dev.atrium.platform.plugins;

import dev.atrium.sdk.PluginContract;

/**
 * The packages a plugin always gets from the host, never from its own archive: the SDK contract and the
 * libraries its signatures expose ({@link PluginContract#hostPackages()}). Everything else is loaded plugin-first.
 */
public final class HostApi {

    /** Path prefix of SDK classes inside an archive; a plugin bundling them is refused. */
    public static final String SDK_RESOURCE_PREFIX = "dev/atrium/sdk/";

    private HostApi() {
    }

    /** Whether the class or resource name belongs to the shared host API. */
    public static boolean isShared(String name) {
        return PluginContract.isHostPackage(name);
    }
}
