package dev.atrium.platform.models;

import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Checks every provider once the host is ready and then every five minutes, off the request path, so
 * {@code GET /api/models} always shows a recent health.
 */
@Component
class ProviderHealthChecks implements DisposableBean {

    private static final Duration PERIOD = Duration.ofMinutes(5);

    private final ModelProviders providers;
    private volatile Disposable schedule;

    ProviderHealthChecks(ModelProviders providers) {
        this.providers = providers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = Flux.interval(Duration.ZERO, PERIOD, Schedulers.boundedElastic())
                .onBackpressureDrop()
                .subscribe(tick -> checkAll());
    }

    private void checkAll() {
        providers.check(ModelsProperties.EMBEDDED);
        providers.remotes().keySet().forEach(providers::check);
    }

    @Override
    public void destroy() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
        }
    }
}
