package dev.atrium.platform.usage;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One metered model call.
 *
 * @param at when it finished
 * @param provider provider name ({@code embedded} for the offline engine)
 * @param model model or embedded component
 * @param capability capability name, such as {@code chat}
 * @param plugin calling plugin, or {@code admin} for the playground
 * @param skill calling skill, may be empty
 * @param runId the run, may be empty
 * @param tenant the tenant
 * @param inputTokens prompt tokens
 * @param outputTokens completion tokens
 * @param latencyMillis wall time of the call, retries included
 * @param cost price-table cost
 * @param currency cost currency
 * @param outcome {@code ok} or the error code
 */
public record ModelCall(Instant at, String provider, String model, String capability, String plugin, String skill,
                        String runId, String tenant, long inputTokens, long outputTokens, long latencyMillis,
                        BigDecimal cost, String currency, String outcome) {
}
