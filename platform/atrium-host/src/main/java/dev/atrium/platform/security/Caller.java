package dev.atrium.platform.security;

/**
 * Who is making a request: the tenant whose data it may touch, the user it acts as, and the role.
 *
 * @param tenantId the caller's tenant; nothing outside it is visible
 * @param userId the user (for an API key, the user who created it)
 * @param role what the caller may do
 * @param keyId the API key used, or {@code null} for a browser session
 */
public record Caller(String tenantId, String userId, Role role, String keyId) {

    /** Whether the caller administers its tenant. */
    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether the caller administers the platform itself: an admin of the default tenant. */
    public boolean isPlatformAdmin() {
        return role == Role.ADMIN && Tenants.DEFAULT.equals(tenantId);
    }

    /** Whether the caller may see every run of its tenant (admins and auditors), not only its own. */
    public boolean seesWholeTenant() {
        return role == Role.ADMIN || role == Role.AUDITOR;
    }
}
