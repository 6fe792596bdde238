package dev.atrium.platform.usage;

import dev.atrium.platform.persistence.WriteBehind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Every metered model call: kept in the database (per tenant) for {@code /api/usage}, and counted in
 * Prometheus: calls, tokens, cost and latency by provider, model, capability and outcome.
 */
@Component
public class UsageLedger {

    private final MeterRegistry meters;
    private final DatabaseClient db;
    private final WriteBehind writes;

    public UsageLedger(MeterRegistry meters, DatabaseClient db, TransactionalOperator tx) {
        this.meters = meters;
        this.db = db;
        this.writes = new WriteBehind(db, tx, "usage");
    }

    /** Records a call. */
    public void record(ModelCall call) {
        writes.submit(client -> client.sql("INSERT INTO usage_records (recorded_at, tenant_id, provider, model, "
                        + "capability, plugin_id, skill_id, run_id, input_tokens, output_tokens, latency_ms, cost, "
                        + "currency, outcome) VALUES (:at, :tenant, :provider, :model, :capability, :plugin, :skill, "
                        + ":run, :in, :out, :latency, :cost, :currency, :outcome)")
                .bind("at", call.at().toEpochMilli())
                .bind("tenant", call.tenant())
                .bind("provider", call.provider())
                .bind("model", call.model())
                .bind("capability", call.capability())
                .bind("plugin", call.plugin())
                .bind("skill", call.skill())
                .bind("run", call.runId())
                .bind("in", call.inputTokens())
                .bind("out", call.outputTokens())
                .bind("latency", call.latencyMillis())
                .bind("cost", call.cost())
                .bind("currency", call.currency())
                .bind("outcome", call.outcome())
                .then());
        String[] tags = {"provider", call.provider(), "model", call.model(), "capability", call.capability(),
                "plugin", call.plugin(), "outcome", call.outcome()};
        Counter.builder("atrium.model.calls").description("Model calls").tags(tags).register(meters).increment();
        Timer.builder("atrium.model.latency").description("Model call latency, retries included").tags(tags)
                .register(meters).record(Duration.ofMillis(call.latencyMillis()));
        Counter.builder("atrium.model.tokens").tags("provider", call.provider(), "model", call.model(),
                "direction", "input").register(meters).increment(call.inputTokens());
        Counter.builder("atrium.model.tokens").tags("provider", call.provider(), "model", call.model(),
                "direction", "output").register(meters).increment(call.outputTokens());
        Counter.builder("atrium.model.cost").description("Model cost from the price table")
                .tags("provider", call.provider(), "currency", call.currency()).register(meters)
                .increment(call.cost().doubleValue());
    }

    /** Completes once every call recorded before this one is in the database (for usage reports). */
    public Mono<Void> flushed() {
        return writes.flushed();
    }

    @PreDestroy
    void flush() {
        writes.close(Duration.ofSeconds(10));
    }
}
