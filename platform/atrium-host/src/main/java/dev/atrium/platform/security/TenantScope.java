package dev.atrium.platform.security;

import dev.atrium.platform.problem.ProblemException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Which tenant a request may act on: its caller's own, or any one for a platform administrator. */
@Component
public class TenantScope {

    private final Tenants tenants;

    public TenantScope(Tenants tenants) {
        this.tenants = tenants;
    }

    /**
     * The tenant to act on.
     *
     * @param requested the tenant the request names, or {@code null} for the caller's own
     */
    public Mono<String> resolve(Caller caller, String requested) {
        if (requested == null || requested.isBlank() || requested.equals(caller.tenantId())) {
            return Mono.just(caller.tenantId());
        }
        if (!caller.isPlatformAdmin()) {
            return Mono.error(ProblemException.forbidden("tenant-forbidden",
                    "only platform administrators act on another tenant ('" + requested + "')"));
        }
        return tenants.exists(requested).flatMap(exists -> exists ? Mono.just(requested)
                : Mono.error(ProblemException.notFound("tenant-not-found", "no tenant '" + requested + "'")
                        .with("tenant", requested)));
    }
}
