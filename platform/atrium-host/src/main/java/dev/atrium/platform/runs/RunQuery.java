package dev.atrium.platform.runs;

import java.time.Instant;

/**
 * Which runs to list.
 *
 * @param tenantId the tenant whose runs these are (always required: nobody lists across tenants)
 * @param userId only this user's runs, or {@code null} for the whole tenant's
 * @param pluginId only this plugin's, or {@code null}
 * @param skillId only this skill's, or {@code null}
 * @param status only this status, or {@code null}
 * @param from created at or after, or {@code null}
 * @param to created before, or {@code null}
 * @param limit at most this many, newest first
 */
public record RunQuery(String tenantId, String userId, String pluginId, String skillId, RunStatus status,
                       Instant from, Instant to, int limit) {

    public RunQuery {
        if (tenantId == null) {
            throw new IllegalArgumentException("a run query names its tenant");
        }
    }

    boolean matches(Run run) {
        return run.tenantId().equals(tenantId)
                && (userId == null || run.userId().equals(userId))
                && (pluginId == null || run.pluginId().equals(pluginId))
                && (skillId == null || run.skillId().equals(skillId))
                && (status == null || run.status() == status)
                && (from == null || !run.createdAt().isBefore(from))
                && (to == null || run.createdAt().isBefore(to));
    }
}
