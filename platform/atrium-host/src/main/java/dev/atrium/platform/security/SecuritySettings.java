package dev.atrium.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code atrium.security.*}.
 *
 * @param enabled access control on (the default). Off is for local experiments only: the platform then
 *                listens on the loopback address alone and logs a warning at start
 * @param rateLimits API requests allowed per second
 */
@ConfigurationProperties("atrium.security")
public record SecuritySettings(Boolean enabled, RateLimits rateLimits) {

    public SecuritySettings {
        enabled = enabled == null || enabled;
        rateLimits = rateLimits == null ? new RateLimits(0, 0) : rateLimits;
    }

    /**
     * @param perKey requests per second one API key (or one signed-in user) may make; bursts up to it
     * @param perTenant requests per second all of a tenant's callers together may make
     */
    public record RateLimits(int perKey, int perTenant) {
        public RateLimits {
            perKey = perKey <= 0 ? 100 : perKey;
            perTenant = perTenant <= 0 ? 400 : perTenant;
        }
    }
}
