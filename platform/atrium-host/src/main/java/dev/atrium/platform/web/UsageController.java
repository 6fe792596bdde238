package dev.atrium.platform.web;

import dev.atrium.platform.problem.ProblemException;
import dev.atrium.platform.runs.RunService;
import dev.atrium.platform.usage.ModelCall;
import dev.atrium.platform.usage.UsageLedger;
import dev.atrium.platform.usage.UsageReport;
import dev.atrium.platform.security.Callers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/usage}: runs, model calls, tokens and cost by day, plugin, provider and tenant. */
@RestController
@RequestMapping("/api/usage")
public class UsageController {

    private final RunService runs;
    private final UsageLedger ledger;
    private final UsageReport report;
    private final Callers callers;

    public UsageController(RunService runs, UsageLedger ledger, UsageReport report, Callers callers) {
        this.runs = runs;
        this.callers = callers;
        this.ledger = ledger;
        this.report = report;
    }

    /**
     * @param from first day (UTC, inclusive), default 30 days ago
     * @param to last day (inclusive), default today
     * @param plugin only this plugin, optional
     * @param tenant the caller's own tenant (optional; another tenant is refused)
     */
    @GetMapping
    public Mono<Map<String, Object>> usage(@RequestParam(required = false) String from,
                                     @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String plugin,
                                     @RequestParam(required = false) String tenant) {
        LocalDate last = day(to, LocalDate.now(ZoneOffset.UTC));
        LocalDate first = day(from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("bad-request", "Bad date range", "'from' is after 'to'");
        }
        Instant since = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return callers.current().flatMap(caller -> {
            if (tenant != null && !tenant.equals(caller.tenantId())) {
                return Mono.error(ProblemException.forbidden("tenant-forbidden",
                        "usage of tenant '" + tenant + "' is not yours to read"));
            }
            // What was just done is counted: both write-behind queues reach the database first.
            return runs.flushed().then(ledger.flushed())
                    .then(report.build(caller.tenantId(), plugin, first, last));
        });
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
