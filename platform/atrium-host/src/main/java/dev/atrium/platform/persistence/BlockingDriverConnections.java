package dev.atrium.platform.persistence;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Connections from a driver that does its work on the calling thread (embedded H2 reads and writes its
 * file synchronously), handed over on a scheduler meant for blocking work. Everything a query does after
 * taking its connection then runs there, never on a Netty event loop: a slow disk or a lock wait inside H2
 * must not stall the loop that other requests (and their responses) share.
 */
final class BlockingDriverConnections implements ConnectionFactory {

    private final ConnectionFactory delegate;
    private final Scheduler scheduler;

    BlockingDriverConnections(ConnectionFactory delegate, Scheduler scheduler) {
        this.delegate = delegate;
        this.scheduler = scheduler;
    }

    @Override
    public Publisher<? extends Connection> create() {
        return Mono.from(delegate.create()).publishOn(scheduler);
    }

    @Override
    public ConnectionFactoryMetadata getMetadata() {
        return delegate.getMetadata();
    }
}
