package dev.ascendcp.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The role rules live here, in one place, so that they can be read and tested as a whole:
 * {@code VIEWER} reads, {@code OPERATOR} also changes inventory and runs jobs, {@code ADMIN} also manages users,
 * credentials and host-key trust.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

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
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**")
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
                        .requestMatchers(HttpMethod.POST, "/api/v1/nodes/*/host-key/trust")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/nodes/known-hosts")
                        .hasRole("ADMIN")
                        .requestMatchers("/credentials/**", "/users/**")
                        .hasRole("ADMIN")
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
                .httpBasic(Customizer.withDefaults())
                // The API answers 401 with a Basic challenge; only the UI redirects to the login form.
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        apiEntryPoint(),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    private static BasicAuthenticationEntryPoint apiEntryPoint() {
        var entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName("ascendcp");
        return entryPoint;
    }
}
