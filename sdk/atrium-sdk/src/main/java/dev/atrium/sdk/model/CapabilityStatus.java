package dev.atrium.sdk.model;

import java.util.Objects;

/**
 * Whether a capability can be used by this skill right now, and by which engine.
 *
 * @param capability the capability
 * @param available whether calls will be attempted
 * @param engine the engine calls go to, or {@code null} when unavailable
 * @param reason why it is unavailable and how to enable it; empty when available
 * @since 0.1
 */
public record CapabilityStatus(Capability capability, boolean available, Engine engine, String reason) {

    /** Normalises the reason. */
    public CapabilityStatus {
        Objects.requireNonNull(capability, "capability");
        reason = reason == null ? "" : reason;
    }

    /** Whether calls go to a remote provider. */
    public boolean remote() {
        return available && engine != null && engine.kind() == Engine.Kind.REMOTE;
    }

    /** An available capability. */
    public static CapabilityStatus available(Capability capability, Engine engine) {
        return new CapabilityStatus(capability, true, engine, "");
    }

    /** An unavailable capability with the reason. */
    public static CapabilityStatus unavailable(Capability capability, String reason) {
        return new CapabilityStatus(capability, false, null, reason);
    }
}
