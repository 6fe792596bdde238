package dev.atrium.platform.security;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The caller of the current request. */
@Component
public class Callers {

    /** The caller with the built-in tenant's administrator rights, for a host without access control. */
    public static final Caller LOCAL = new Caller("default", "anonymous", Role.ADMIN, null);

    /** The current request's caller. */
    public Mono<Caller> current() {
        return Mono.just(LOCAL);
    }
}
