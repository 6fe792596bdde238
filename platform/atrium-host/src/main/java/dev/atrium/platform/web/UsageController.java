package dev.atrium.platform.web;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.runs.RunService;
import dev.atrium.platform.usage.ModelCall;
import dev.atrium.platform.usage.UsageLedger;
import dev.atrium.platform.usage.UsageReport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/usage}: runs, model calls, tokens and cost by day, plugin, provider and tenant. */
@RestController
@RequestMapping("/api/usage")
public class UsageController {

    private final RunService runs;
    private final UsageLedger ledger;

    public UsageController(RunService runs, UsageLedger ledger) {
        this.runs = runs;
        this.ledger = ledger;
    }

    /**
     * @param from first day (UTC, inclusive), default 30 days ago
     * @param to last day (inclusive), default today
     * @param plugin only this plugin, optional
     * @param tenant only this tenant, optional
     */
    @GetMapping
    public Map<String, Object> usage(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String plugin,
                                     @RequestParam(required = false) String tenant) {
        LocalDate last = day(to, LocalDate.now(ZoneOffset.UTC));
        LocalDate first = day(from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("bad-request", "Bad date range", "'from' is after 'to'");
        }
        List<UsageReport.RunFact> facts = runs.recent(plugin, null, null, Integer.MAX_VALUE).stream()
                .filter(r -> tenant == null || r.tenantId().equals(tenant))
                .map(r -> new UsageReport.RunFact(r.id(), r.createdAt().atZone(ZoneOffset.UTC).toLocalDate(),
                        r.pluginId(), r.tenantId()))
                .filter(f -> !f.day().isBefore(first) && !f.day().isAfter(last))
                .toList();
        List<ModelCall> calls = ledger.calls(c -> (plugin == null || c.plugin().equals(plugin))
                && (tenant == null || c.tenant().equals(tenant))
                && !UsageReport.day(c).isBefore(first) && !UsageReport.day(c).isAfter(last));
        return UsageReport.build(facts, calls, first, last);
    }

    private static LocalDate day(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("bad-request", "Bad date", "dates are YYYY-MM-DD, got '" + value + "'");
        }
    }
}
