package dev.atrium.platform.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Totals and breakdowns by day, plugin, provider and tenant of a tenant's runs and model calls, aggregated
 * by the database (GROUP BY over the runs and usage tables), so a busy tenant's month is a few rows to the
 * host, not every call. A run counts once per group however many calls it made; costs are kept per
 * currency, never added across currencies. The same SQL runs on H2 and PostgreSQL.
 */
@Component
public class UsageReport {

    private static final long DAY_MILLIS = 86_400_000L;

    /** The dimension a breakdown groups by: its key over runs (null: runs do not have it) and over calls. */
    private enum Dimension {
        TOTAL("0", "0"),
        DAY("created_at / " + DAY_MILLIS, "recorded_at / " + DAY_MILLIS),
        PLUGIN("plugin_id", "plugin_id"),
        PROVIDER(null, "provider"),
        TENANT("tenant_id", "tenant_id");

        final String runKey;
        final String callKey;

        Dimension(String runKey, String callKey) {
            this.runKey = runKey;
            this.callKey = callKey;
        }
    }

    private final DatabaseClient db;

    public UsageReport(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The report of a tenant's usage over whole UTC days.
     *
     * @param pluginId only this plugin's runs and calls, or {@code null}
     */
    public Mono<Map<String, Object>> build(String tenantId, String pluginId, LocalDate first, LocalDate last) {
        long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Window window = new Window(tenantId, pluginId, from, to);
        return Mono.zip(groups(window, Dimension.TOTAL), groups(window, Dimension.DAY),
                        groups(window, Dimension.PLUGIN), groups(window, Dimension.PROVIDER),
                        groups(window, Dimension.TENANT))
                .map(all -> {
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("from", first);
                    report.put("to", last);
                    List<Map<String, Object>> totals = all.getT1();
                    report.put("totals", totals.isEmpty() ? new Bucket().view() : without(totals.get(0), "total"));
                    report.put("byDay", all.getT2());
                    report.put("byPlugin", all.getT3());
                    report.put("byProvider", all.getT4());
                    report.put("byTenant", all.getT5());
                    return report;
                });
    }

    private record Window(String tenantId, String pluginId, long from, long to) {

        String filter(String timeColumn) {
            return " WHERE tenant_id = :tenant AND " + timeColumn + " >= :from AND " + timeColumn + " < :to"
                    + (pluginId == null ? "" : " AND plugin_id = :plugin");
        }

        DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec) {
            spec = spec.bind("tenant", tenantId).bind("from", from).bind("to", to);
            return pluginId == null ? spec : spec.bind("plugin", pluginId);
        }
    }

    private Mono<List<Map<String, Object>>> groups(Window window, Dimension dimension) {
        String calls = "SELECT " + dimension.callKey + " AS k, NULLIF(run_id, '') AS run_id, 1 AS calls, "
                + "CASE WHEN outcome = 'ok' THEN 0 ELSE 1 END AS failed, input_tokens, output_tokens "
                + "FROM usage_records" + window.filter("recorded_at");
        String runs = dimension.runKey == null ? null
                : "SELECT " + dimension.runKey + " AS k, id AS run_id, 0 AS calls, 0 AS failed, "
                        + "0 AS input_tokens, 0 AS output_tokens FROM runs" + window.filter("created_at");
        String counts = "SELECT k, COUNT(DISTINCT run_id) AS runs, SUM(calls) AS calls, SUM(failed) AS failed, "
                + "SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens FROM ("
                + (runs == null ? calls : runs + " UNION ALL " + calls) + ") facts GROUP BY k";
        String costs = "SELECT k, currency, SUM(cost) AS cost FROM (SELECT " + dimension.callKey
                + " AS k, currency, cost FROM usage_records" + window.filter("recorded_at") + ") c GROUP BY k, currency";

        Map<String, Bucket> buckets = new TreeMap<>();
        Flux<Void> countRows = window.bind(db.sql(counts)).map(r -> {
            Bucket bucket = buckets.computeIfAbsent(key(dimension, r.get("k")), k -> new Bucket());
            bucket.runs = number(r.get("runs"));
            bucket.calls = number(r.get("calls"));
            bucket.failedCalls = number(r.get("failed"));
            bucket.inputTokens = number(r.get("input_tokens"));
            bucket.outputTokens = number(r.get("output_tokens"));
            return bucket;
        }).all().thenMany(Flux.empty());
        Flux<Void> costRows = window.bind(db.sql(costs)).map(r -> {
            BigDecimal amount = r.get("cost", BigDecimal.class);
            buckets.computeIfAbsent(key(dimension, r.get("k")), k -> new Bucket())
                    .cost.merge(r.get("currency", String.class), amount == null ? BigDecimal.ZERO : amount, BigDecimal::add);
            return amount;
        }).all().thenMany(Flux.empty());
        // One after the other: both fill the same buckets.
        return countRows.thenMany(costRows).then(Mono.fromSupplier(() -> {
            String name = dimension.name().toLowerCase(java.util.Locale.ROOT);
            List<Map<String, Object>> rows = new ArrayList<>();
            buckets.forEach((key, bucket) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put(name, key);
                row.putAll(bucket.view());
                rows.add(row);
            });
            return rows;
        }));
    }

    /** The group's key as clients see it: days as yyyy-MM-dd, the rest as stored. */
    private static String key(Dimension dimension, Object raw) {
        if (dimension == Dimension.DAY) {
            return LocalDate.ofEpochDay(((Number) raw).longValue()).toString();
        }
        return String.valueOf(raw);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<String, Object> without(Map<String, Object> row, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(row);
        copy.remove(key);
        return copy;
    }

    /** Counts of one group. */
    private static final class Bucket {
        long runs;
        long calls;
        long failedCalls;
        long inputTokens;
        long outputTokens;
        final Map<String, BigDecimal> cost = new TreeMap<>();

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("runs", runs);
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
