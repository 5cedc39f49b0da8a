package dev.ascendcp.web;

import dev.ascendcp.users.ApiTokenAuthenticationProvider;
import dev.ascendcp.users.TokenService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The role rules live here, in one place, so that they can be read and tested as a whole:
 * {@code VIEWER} reads, {@code OPERATOR} also changes inventory and runs jobs, {@code ADMIN} also manages users,
 * credentials and host-key trust.
 *
 * <p>The UI logs in with a form and a session, protected by CSRF tokens. API clients send HTTP Basic or an API
 * token with every request; those requests never create a session and need no CSRF token. A browser session may
 * read the API (e.g. an {@code EventSource} on a job's events), but a change made through the session still needs
 * the CSRF token, so that a foreign page cannot ride on the cookie.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            // Swagger UI and htmx set inline styles.
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /** Requests answered like an API: 401/403 as problem details, no redirect to the login page. */
    private static final RequestMatcher API = new OrRequestMatcher(
            PATHS.matcher("/api/**"), PATHS.matcher("/actuator/**"), PATHS.matcher("/v3/api-docs/**"));

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN")
                .implies("OPERATOR")
                .role("OPERATOR")
                .implies("VIEWER")
                .build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, TokenService tokens, AuthenticationEventPublisher authenticationEvents)
            throws Exception {
        AuthenticationEntryPoint apiEntryPoint = new ProblemAuthenticationEntryPoint();
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(
                                "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        // ADMIN: users, tokens, audit, credentials changes, host-key trust, the simulator.
                        .requestMatchers("/api/v1/users/**", "/api/v1/tokens/**", "/api/v1/audit/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/simulator/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/credentials/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/credentials/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/nodes/*/host-key/trust",
                                "/api/v1/nodes/*/jump-host-key/trust")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/nodes/known-hosts",
                                "/nodes/*/host-key/trust",
                                "/nodes/*/jump-host-key/trust")
                        .hasRole("ADMIN")
                        .requestMatchers("/nodes/known-hosts")
                        .hasRole("ADMIN")
                        .requestMatchers("/credentials/**", "/users/**")
                        .hasRole("ADMIN")
                        // Metrics and the API explorer: anyone logged in.
                        .requestMatchers("/actuator/**")
                        .hasRole("VIEWER")
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                        .hasRole("VIEWER")
                        // The playground only prompts a served model: every logged-in user may use it.
                        .requestMatchers(HttpMethod.POST, "/api/v1/clusters/*/playground")
                        .hasRole("VIEWER")
                        // Everyone logged in reads; OPERATOR changes.
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasRole("VIEWER")
                        .requestMatchers("/api/**")
                        .hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/**")
                        .hasRole("VIEWER")
                        .anyRequest()
                        .hasRole("OPERATOR"))
                .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
                        .authenticationEntryPoint(apiEntryPoint)
                        // Basic authenticates each request on its own: never store it in a session.
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterAfter(
                        new ApiTokenAuthenticationFilter(
                                tokenAuthenticationManager(tokens, authenticationEvents),
                                apiEntryPoint,
                                PATHS.matcher("/api/**")),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
                                .addEntryPointFor(apiEntryPoint, API)
                                .defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                                .build())
                        .accessDeniedHandler(accessDeniedHandler()))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::requiresCsrf))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * CSRF protects every change made with the session cookie. An API request that carries its own credentials
     * (Basic or bearer), or that comes without a session cookie, cannot ride on the browser's cookie, so it needs no
     * token: API clients and MockMvc tests never see CSRF.
     */
    static boolean requiresCsrf(HttpServletRequest request) {
        if (!CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)) {
            return false;
        }
        if (!PATHS.matcher("/api/**").matches(request)) {
            return true;
        }
        return request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getRequestedSessionId() != null
                && request.isRequestedSessionIdValid();
    }

    private static ProviderManager tokenAuthenticationManager(
            TokenService tokens, AuthenticationEventPublisher authenticationEvents) {
        ProviderManager manager = new ProviderManager(new ApiTokenAuthenticationProvider(tokens));
        manager.setAuthenticationEventPublisher(authenticationEvents);
        return manager;
    }

    private static AccessDeniedHandler accessDeniedHandler() {
        LinkedHashMap<RequestMatcher, AccessDeniedHandler> handlers = new LinkedHashMap<>();
        handlers.put(API, new ProblemAccessDeniedHandler());
        return new RequestMatcherDelegatingAccessDeniedHandler(handlers, new AccessDeniedHandlerImpl());
    }
}
