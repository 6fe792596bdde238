package dev.atrium.platform.runs;

import dev.atrium.platform.usage.ModelCall;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A run's model usage so far: calls, tokens, cost and the engines that did the work. */
final class RunUsage {

    private long calls;
    private long inputTokens;
    private long outputTokens;
    private BigDecimal cost = BigDecimal.ZERO;
    private String currency = "USD";
    private final TreeSet<String> engines = new TreeSet<>();

    synchronized void add(ModelCall call) {
        calls++;
        inputTokens += call.inputTokens();
        outputTokens += call.outputTokens();
        cost = cost.add(call.cost());
        currency = call.currency();
        engines.add(call.provider() + (call.model().isEmpty() ? "" : "/" + call.model()));
    }

    synchronized Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("calls", calls);
        view.put("inputTokens", inputTokens);
        view.put("outputTokens", outputTokens);
        view.put("cost", cost.stripTrailingZeros().toPlainString());
        view.put("currency", currency);
        view.put("engines", List.copyOf(engines));
        return view;
    }
}
