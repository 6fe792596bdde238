package dev.atrium.platform.plugins;

import java.util.List;

/**
 * The packages a plugin always gets from the host, never from its own archive: the SDK contract and the
 * libraries its signatures expose. Everything else is loaded plugin-first.
 */
public final class HostApi {

    private static final List<String> SHARED_PREFIXES = List.of(
            "dev.atrium.sdk.", "org.pf4j.", "reactor.", "org.reactivestreams.", "org.slf4j.");

    /** Path prefix of SDK classes inside an archive; a plugin bundling them is refused. */
    public static final String SDK_RESOURCE_PREFIX = "dev/atrium/sdk/";

    private HostApi() {
    }

    /** Whether the class or resource name belongs to the shared host API. */
    public static boolean isShared(String name) {
        String dotted = name.replace('/', '.');
        for (String prefix : SHARED_PREFIXES) {
            if (dotted.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
