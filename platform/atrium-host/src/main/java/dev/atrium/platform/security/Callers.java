package dev.atrium.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The caller of the current request, from its API key or its portal session. */
@Component
public class Callers {

    /** The caller with the built-in tenant's administrator rights, for a host running with security off. */
    public static final Caller LOCAL = new Caller(Tenants.DEFAULT, "local", Role.ADMIN, null);

    private final SecuritySettings settings;

    public Callers(SecuritySettings settings) {
        this.settings = settings;
    }

    /** The current request's caller; with security off, {@link #LOCAL}. */
    public Mono<Caller> current() {
        if (!settings.enabled()) {
            return Mono.just(LOCAL);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .flatMap(Callers::callerOf)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no authenticated caller")));
    }

    static Mono<Caller> callerOf(Authentication authentication) {
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof Caller caller) {
            return Mono.just(caller);
        }
        if (principal instanceof AtriumUser user) {
            return Mono.just(user.caller());
        }
        return Mono.empty();
    }
}
