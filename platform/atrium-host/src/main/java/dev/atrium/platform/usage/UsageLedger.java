package dev.atrium.platform.usage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Every metered model call, kept in memory (newest {@value #CAPACITY}) for {@code /api/usage}, and counted
 * in Prometheus: calls, tokens, cost and latency by provider, model, capability and outcome.
 */
@Component
public class UsageLedger {

    static final int CAPACITY = 200_000;

    private final Deque<ModelCall> calls = new ArrayDeque<>();
    private final MeterRegistry meters;

    public UsageLedger(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Records a call. */
    public void record(ModelCall call) {
        synchronized (calls) {
            calls.addLast(call);
            if (calls.size() > CAPACITY) {
                calls.removeFirst();
            }
        }
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

    /** The calls matching the filter, oldest first. */
    public List<ModelCall> calls(Predicate<ModelCall> filter) {
        synchronized (calls) {
            List<ModelCall> matching = new ArrayList<>();
            for (ModelCall call : calls) {
                if (filter.test(call)) {
                    matching.add(call);
                }
            }
            return matching;
        }
    }
}
