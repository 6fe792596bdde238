package dev.atrium.platform.security;

import java.util.Locale;

/** What a caller may do. */
public enum Role {
    /** Plugins, settings, users, keys, audit, providers; and everything a user may do. */
    ADMIN,
    /** Runs skills and sees their own runs. */
    USER,
    /** Reads audit records and usage. */
    AUDITOR;

    /** The lower-case name used in JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name. */
    public static Role fromWire(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
