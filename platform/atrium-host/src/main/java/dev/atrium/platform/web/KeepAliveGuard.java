package dev.atrium.platform.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles every exchange off the thread that dispatched it. Reactor Netty (1.3.6) stops reading a
 * keep-alive connection when a request it had to buffer (the client sent it while the previous exchange
 * was still finishing) is answered synchronously inside its dispatch: the client's next request then
 * waits forever (reactor/reactor-netty#4361). Our quickest answers — a 429 from the rate limiter, a 401,
 * a health check — are exactly such synchronous answers. Starting the handling on another thread makes
 * every answer arrive after the dispatch has returned, which Reactor Netty handles; it costs one task
 * hand-off per request. Remove when the platform is on a Reactor Netty with that fix.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class KeepAliveGuard implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.parallel());
    }
}
