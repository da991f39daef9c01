package dev.agentteam.orchestrator.security;

import dev.agentteam.orchestrator.user.UserAccounts;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.http.HttpHeaders;

/**
 * Three filter chains, tried in order:
 * <ol>
 * <li>paths with their own authentication or none: git smart HTTP and the forge API (forge tokens, checked by
 * the forge's filter before this one runs), the GitHub webhook (HMAC), and health (status only);</li>
 * <li>the REST API and the other actuator endpoints (Prometheus: a viewer's API token): bearer API tokens (or the
 * browser's session, with CSRF), 401/403 as problem+json;</li>
 * <li>the UI: form login, CSRF on every form, logout; no remember-me.</li>
 * </ol>
 * The API and the UI share one set of authorisation rules ({@link AccessRules}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * Everything from this origin only; no inline or eval'd script. Inline style attributes (not style elements)
     * are allowed because the server-rendered pages size grids and bars with them, which cannot run code.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "style-src-attr 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain openPaths(HttpSecurity http) throws Exception {
        // Health answers only UP/DOWN here (no details); metrics are not public (they go through the API chain).
        // /livez and /readyz: the health probes on the public port when the actuator has its own (docker-stack.yml).
        http.securityMatcher("/git/**", "/api/forge/**", "/webhooks/**", "/actuator/health", "/actuator/health/**", "/livez", "/readyz")
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AgentTokens agents, UserAccounts accounts) throws Exception {
        var entryPoint = new ApiAuthenticationEntryPoint();
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**", "/actuator/**")
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    AccessRules.apply(rules);
                })
                .addFilterAfter(new SessionAccountRefresh(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, agents, entryPoint), CsrfFilter.class)
                // Token requests cannot be forged cross-site (a browser never adds the header by itself), and a
                // request without a session cookie has no session to abuse; session requests from the UI or
                // Swagger UI still need the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                        || request.getRequestedSessionId() == null))
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ApiAccessDeniedHandler()))
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain ui(HttpSecurity http, UserAccounts accounts, LoginThrottle throttle) throws Exception {
        LoginAttempts attempts = new LoginAttempts(accounts, throttle);
        http.authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll();
                    // The same rules as the API: a viewer's form post is refused like a viewer's API call.
                    AccessRules.apply(rules);
                })
                .addFilterAfter(new SessionAccountRefresh(accounts), SecurityContextHolderFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .formLogin(login -> login.loginPage("/login").successHandler(attempts).failureHandler(attempts))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .rememberMe(rememberMe -> rememberMe.disable())
                .csrf(Customizer.withDefaults())
                .headers(SecurityConfiguration::secureHeaders);
        return http.build();
    }

    private static void secureHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
    }
}
