package dev.atrium.platform.models;

import dev.atrium.sdk.model.Capability;
import java.util.Locale;
import java.util.Optional;

/** Capability names as written in configuration and URLs: {@code chat}, {@code structured-output}, ... */
final class CapabilityNames {

    private CapabilityNames() {
    }

    static String of(Capability capability) {
        return capability.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts {@code structured-output}, {@code structured_output}, {@code structuredoutput} (env relaxed form). */
    static Optional<Capability> parse(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        for (Capability capability : Capability.values()) {
            if (capability.name().toLowerCase(Locale.ROOT).replace("_", "").equals(wanted)) {
                return Optional.of(capability);
            }
        }
        return Optional.empty();
    }
}
