package dev.atrium.platform.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Request budgets per API key (or signed-in user) and per tenant, from resilience4j's rate limiter: each
 * gets its limit of permits per second, and a request without a permit is refused at once (never queued)
 * with how long until the next one frees up.
 */
@Component
public class RateLimits {

    private final RateLimiterRegistry registry = RateLimiterRegistry.ofDefaults();
    private final RateLimiterConfig perKey;
    private final RateLimiterConfig perTenant;

    public RateLimits(SecuritySettings settings) {
        this.perKey = config(settings.rateLimits().perKey());
        this.perTenant = config(settings.rateLimits().perTenant());
    }

    /** Takes a permit from the caller's and its tenant's budgets; if either is spent, the wait before retrying. */
    public Optional<Duration> acquire(Caller caller) {
        String who = caller.keyId() != null ? "key:" + caller.keyId() : "user:" + caller.userId();
        RateLimiter key = registry.rateLimiter(who, perKey);
        if (!key.acquirePermission()) {
            return Optional.of(waitOf(key));
        }
        RateLimiter tenant = registry.rateLimiter("tenant:" + caller.tenantId(), perTenant);
        if (!tenant.acquirePermission()) {
            return Optional.of(waitOf(tenant));
        }
        return Optional.empty();
    }

    private static Duration waitOf(RateLimiter limiter) {
        if (limiter instanceof AtomicRateLimiter atomic) {
            return Duration.ofNanos(Math.max(atomic.getDetailedMetrics().getNanosToWait(), 1));
        }
        return Duration.ofSeconds(1);
    }

    private static RateLimiterConfig config(int perSecond) {
        return RateLimiterConfig.custom()
                .limitForPeriod(perSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
