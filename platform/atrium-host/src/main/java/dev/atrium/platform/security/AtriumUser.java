package dev.atrium.platform.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A portal user as Spring Security's login form sees it, carrying the {@link Caller} it acts as. */
final class AtriumUser extends User {

    private final Caller caller;

    AtriumUser(Users.Account account) {
        super(account.username(), account.passwordHash(), !account.disabled(), true, true, true,
                authorities(account.caller()));
        this.caller = account.caller();
    }

    Caller caller() {
        return caller;
    }

    /** {@code ROLE_ADMIN} and the like, plus {@code PLATFORM_ADMIN} for the default tenant's admins. */
    static List<GrantedAuthority> authorities(Caller caller) {
        SimpleGrantedAuthority role = new SimpleGrantedAuthority("ROLE_" + caller.role().name());
        return caller.isPlatformAdmin() ? List.of(role, new SimpleGrantedAuthority(PLATFORM_ADMIN)) : List.of(role);
    }

    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";
}
