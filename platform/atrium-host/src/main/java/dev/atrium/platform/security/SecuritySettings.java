package dev.atrium.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code atrium.security.*}.
 *
 * @param enabled access control on (the default). Off is for local experiments only: the platform then
 *                listens on the loopback address alone and logs a warning at start
 */
@ConfigurationProperties("atrium.security")
public record SecuritySettings(Boolean enabled) {

    public SecuritySettings {
        enabled = enabled == null || enabled;
    }
}
