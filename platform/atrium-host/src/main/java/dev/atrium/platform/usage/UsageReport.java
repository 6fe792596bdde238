package dev.atrium.platform.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Aggregates runs and model calls into totals and breakdowns by day, plugin, provider and tenant. Costs are
 * kept per currency, never added across currencies.
 */
public final class UsageReport {

    /**
     * A run as the report counts it.
     *
     * @param runId the run
     * @param day the day it was created (UTC)
     * @param plugin its plugin
     * @param tenant its tenant
     */
    public record RunFact(String runId, LocalDate day, String plugin, String tenant) {
    }

    private UsageReport() {
    }

    public static Map<String, Object> build(List<RunFact> runs, List<ModelCall> calls, LocalDate from, LocalDate to) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("from", from);
        report.put("to", to);
        Bucket totals = new Bucket();
        runs.forEach(r -> totals.run(r.runId()));
        calls.forEach(totals::call);
        report.put("totals", totals.view());
        report.put("byDay", group(runs, calls, r -> r.day().toString(), c -> day(c).toString(), "day"));
        report.put("byPlugin", group(runs, calls, RunFact::plugin, ModelCall::plugin, "plugin"));
        report.put("byProvider", group(List.of(), calls, r -> "", ModelCall::provider, "provider"));
        report.put("byTenant", group(runs, calls, RunFact::tenant, ModelCall::tenant, "tenant"));
        return report;
    }

    /** The UTC day of a call. */
    public static LocalDate day(ModelCall call) {
        return call.at().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    private static List<Map<String, Object>> group(List<RunFact> runs, List<ModelCall> calls,
                                                   Function<RunFact, String> runKey,
                                                   Function<ModelCall, String> callKey, String name) {
        Map<String, Bucket> buckets = new TreeMap<>();
        runs.forEach(r -> buckets.computeIfAbsent(runKey.apply(r), k -> new Bucket()).run(r.runId()));
        calls.forEach(c -> buckets.computeIfAbsent(callKey.apply(c), k -> new Bucket()).call(c));
        List<Map<String, Object>> rows = new ArrayList<>();
        buckets.forEach((key, bucket) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(name, key);
            row.putAll(bucket.view());
            rows.add(row);
        });
        return rows;
    }

    /** Counts of one group. */
    private static final class Bucket {
        private final Set<String> runs = new HashSet<>();
        private long calls;
        private long failedCalls;
        private long inputTokens;
        private long outputTokens;
        private final Map<String, BigDecimal> cost = new TreeMap<>();

        void run(String runId) {
            runs.add(runId);
        }

        void call(ModelCall call) {
            if (!call.runId().isEmpty()) {
                runs.add(call.runId());
            }
            calls++;
            if (!call.outcome().equals("ok")) {
                failedCalls++;
            }
            inputTokens += call.inputTokens();
            outputTokens += call.outputTokens();
            cost.merge(call.currency(), call.cost(), BigDecimal::add);
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("runs", runs.size());
            view.put("calls", calls);
            view.put("failedCalls", failedCalls);
            view.put("inputTokens", inputTokens);
            view.put("outputTokens", outputTokens);
            Map<String, String> costs = new LinkedHashMap<>();
            cost.forEach((currency, amount) -> costs.put(currency, amount.stripTrailingZeros().toPlainString()));
            view.put("cost", costs);
            return view;
        }
    }
}
