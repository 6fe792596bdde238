package dev.atrium.platform.security;

import dev.atrium.platform.audit.AuditLog;
import dev.atrium.platform.problem.Problems;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. API clients present {@code Authorization: Bearer atr_…}; people use the login form and
 * a session cookie, with CSRF protection on cookie-authenticated writes. {@code /actuator/health} answers
 * anyone (status only); every other actuator endpoint and all of {@code /api/**} need a key or a session,
 * and the role rules below. Tenant boundaries are enforced where the data is read (a run of another tenant
 * is a 404, not a 403, so ids do not leak).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String ADMIN = Role.ADMIN.name();
    private static final String USER = Role.USER.name();
    private static final String AUDITOR = Role.AUDITOR.name();

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(Users users) {
        return username -> users.byUsername(username).filter(a -> a.passwordHash() != null).map(AtriumUser::new);
    }

    @Bean
    SecurityWebFilterChain securityChain(ServerHttpSecurity http, SecuritySettings settings, ApiKeys keys,
                                         AuditLog audit, JsonMapper json, RateLimits limits) {
        if (!settings.enabled()) {
            log.warn("""

                    ************************************************************************
                    *  ACCESS CONTROL IS OFF (atrium.security.enabled=false).              *
                    *  Anyone who can reach this port is an administrator. The platform    *
                    *  listens on 127.0.0.1 only. Never run it like this for other people. *
                    ************************************************************************""");
            return http.authorizeExchange(rules -> rules.anyExchange().permitAll())
                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .build();
        }
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(bearerKeys(keys));
        bearer.setServerAuthenticationConverter(SecurityConfiguration::presentedKey);
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((exchange, error) -> {
            audit.record(new AuditLog.Entry(Tenants.DEFAULT, "unknown", "login.failure", "api-key", "failure",
                    Requests.clientIp(exchange.getExchange()), error.getMessage()));
            return problem(exchange.getExchange(), json, HttpStatus.UNAUTHORIZED, "bad-credentials",
                    "Unauthorized", "the API key is unknown, revoked or expired");
        });

        RedirectServerAuthenticationSuccessHandler toPortal = new RedirectServerAuthenticationSuccessHandler("/");
        RedirectServerAuthenticationFailureHandler backToLogin = new RedirectServerAuthenticationFailureHandler("/login?error");

        return http
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(rateLimited(limits, json), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(rules -> rules
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasAuthority(AtriumUser.PLATFORM_ADMIN)
                        .pathMatchers(HttpMethod.POST, "/api/skills/*/*/runs").hasAnyRole(ADMIN, USER)
                        .pathMatchers(HttpMethod.GET, "/api/skills", "/api/skills/**").authenticated()
                        .pathMatchers("/api/plugins/*/settings").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/plugins", "/api/plugins/**").authenticated()
                        .pathMatchers("/api/plugins", "/api/plugins/**").hasAuthority(AtriumUser.PLATFORM_ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/models").authenticated()
                        .pathMatchers("/api/models/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.DELETE, "/api/runs/**").hasAnyRole(ADMIN, USER)
                        .pathMatchers("/api/runs", "/api/runs/**").authenticated()
                        .pathMatchers("/api/usage", "/api/usage/**", "/api/audit", "/api/audit/**")
                            .hasAnyRole(ADMIN, AUDITOR)
                        .pathMatchers("/api/keys", "/api/keys/**", "/api/users", "/api/users/**").hasRole(ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/tenants").hasRole(ADMIN)
                        .pathMatchers("/api/tenants", "/api/tenants/**").hasAuthority(AtriumUser.PLATFORM_ADMIN)
                        .pathMatchers("/api/me").authenticated()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationSuccessHandler((exchange, authentication) -> Callers.callerOf(authentication)
                                .doOnNext(caller -> audit.record(new AuditLog.Entry(caller.tenantId(), caller.userId(),
                                        "login.success", "session", "success",
                                        Requests.clientIp(exchange.getExchange()), authentication.getName())))
                                .then(toPortal.onAuthenticationSuccess(exchange, authentication)))
                        .authenticationFailureHandler((exchange, error) -> {
                            audit.record(new AuditLog.Entry(Tenants.DEFAULT, "unknown", "login.failure", "session",
                                    "failure", Requests.clientIp(exchange.getExchange()), error.getMessage()));
                            return backToLogin.onAuthenticationFailure(exchange, error);
                        }))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                // After signing in the portal opens at /, so no request needs remembering: without a request
                // cache, an API call no longer creates a web session just to look for a saved request.
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // Only cookie sessions need CSRF tokens: a request carrying a key has no ambient credentials.
                // The token travels in the XSRF-TOKEN cookie and comes back in the X-XSRF-TOKEN header, the
                // convention browser clients (and the portal's fetch calls) follow.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken)
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                                "csrf-token-missing", "Forbidden",
                                "a request on a signed-in session needs its CSRF token (X-XSRF-TOKEN header)")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, error) -> isApi(exchange)
                                ? problem(exchange, json, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                                        "this needs an API key (Authorization: Bearer atr_…) or a signed-in session")
                                : new RedirectServerAuthenticationEntryPoint("/login").commence(exchange, error))
                        .accessDeniedHandler((exchange, denied) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                                "forbidden", "Forbidden", "your role may not do this")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; "
                                + "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                                + "img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; "
                                + "base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Requests the firewall refuses (encoded dots or slashes, odd methods) get a problem like any other bad
     * input, not an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests(JsonMapper json) {
        return (exchange, rejected) -> problem(exchange, json, HttpStatus.BAD_REQUEST, "bad-path", "Bad request",
                "the request was refused before it reached the platform: " + rejected.getMessage());
    }

    /**
     * Makes the CSRF token (a lazy value) materialise, so every page load sets the XSRF-TOKEN cookie. A call
     * carrying a key has no use for one (it needs no CSRF token) and skips the work.
     */
    @Bean
    WebFilter csrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            if (token == null || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
                return chain.filter(exchange);
            }
            return token.then(chain.filter(exchange));
        };
    }

    /** With security off, listen on the loopback address only. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> loopbackWhenOpen(SecuritySettings settings) {
        return factory -> {
            if (!settings.enabled()) {
                factory.setAddress(InetAddress.getLoopbackAddress());
            }
        };
    }

    /** Refuses API calls beyond the caller's or its tenant's budget with 429 and {@code Retry-After}. */
    private static WebFilter rateLimited(RateLimits limits, JsonMapper json) {
        return (exchange, chain) -> {
            if (!isApi(exchange)) {
                return chain.filter(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .flatMap(context -> Callers.callerOf(context.getAuthentication()))
                    .flatMap(caller -> Mono.justOrEmpty(limits.acquire(caller)))
                    .flatMap(wait -> {
                        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
                        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                        return problem(exchange, json, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
                                "Too many requests", "this key's or tenant's request budget is spent; retry in "
                                        + seconds + " s").thenReturn(true);
                    })
                    .switchIfEmpty(Mono.defer(() -> chain.filter(exchange).thenReturn(false)))
                    .then();
        };
    }

    private static ReactiveAuthenticationManager bearerKeys(ApiKeys keys) {
        return authentication -> keys.authenticate((String) authentication.getCredentials())
                .<org.springframework.security.core.Authentication>map(caller ->
                        UsernamePasswordAuthenticationToken.authenticated(caller, null, AtriumUser.authorities(caller)))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown, revoked or expired API key")));
    }

    private static Mono<org.springframework.security.core.Authentication> presentedKey(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        return Mono.just(UsernamePasswordAuthenticationToken.unauthenticated("api-key", header.substring(7).trim()));
    }

    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfToken(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        boolean keyed = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION) != null;
        boolean session = exchange.getRequest().getCookies().containsKey("SESSION");
        return !safe && !keyed && session ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static boolean isApi(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
    }

    static Mono<Void> problem(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String code,
                              String title, String detail) {
        Map<String, Object> body = Problems.body(status, code, title, detail);
        body.put("instance", exchange.getRequest().getPath().value());
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"atrium\"");
        }
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
