package org.guichet.web.security;

import java.time.Clock;
import java.util.Map;

import org.guichet.account.LoginThrottle;
import org.guichet.web.account.WebAccount;
import org.guichet.web.account.WebAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every route names the role it needs. Two doors: the REST API with HTTP Basic and no
 * session (scripts, the CLI's peers), and the pages with a form login, a session and CSRF
 * tokens on every form. Health stays open for probes; metrics need an operator, except on a
 * management port of their own ({@code management.server.port}), which the network guards.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
@EnableConfigurationProperties(OidcProperties.class)
class WebSecurity {

    /**
     * Pages load only what Guichet serves: no inline script, no CDN, not framed by anyone.
     * A citizen's HTML is shown in a sandboxed frame of its own, served with a stricter policy.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    /**
     * The public transparency page and its open data: no login, no session, no cookie (nothing
     * is saved between requests), read-only.
     */
    @Bean
    @Order(0)
    SecurityFilterChain transparencyPages(HttpSecurity http) throws Exception {
        http.securityMatcher("/transparence", "/transparence/**", "/transparency", "/transparency/**")
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.requireExplicitSave(true))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .anonymous(anonymous -> anonymous.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, @Value("${management.server.port:-1}") int managementPort)
            throws Exception {
        // Metrics tell queue depths, sending rates and failure counts: not for anyone on the
        // web port. A separate management port is the operator's to firewall.
        RequestMatcher onManagementPort = request -> managementPort > 0 && request.getLocalPort() == managementPort;
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers(onManagementPort).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers("/api/cases/*/attachments", "/api/attachments/**")
                                .hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/api/queue", "/api/queue/**").hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers("/api/cases", "/api/cases/**").hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                        // Reports are evidence for auditors and supervisors; read-only.
                        .requestMatchers("/api/reports", "/api/reports/**").hasAnyRole("AUDITOR", "SUPERVISOR", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Guichet"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * A citizen's HTML, in the case page's frame: a sandbox without scripts, forms or plugins,
     * no request anywhere (inline images only), and framed by Guichet's own pages alone.
     */
    static final String CITIZEN_HTML_POLICY = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline';"
            + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain citizenHtml(HttpSecurity http, WebAccounts accounts) throws Exception {
        http.addFilterAfter(new DisabledAccounts(accounts),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .securityMatcher("/cases/*/messages/*/html")
                .authorizeHttpRequests(routes -> routes.anyRequest().hasAnyRole("AGENT", "SUPERVISOR", "ADMIN"))
                .exceptionHandling(denied -> denied.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint("/login")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CITIZEN_HTML_POLICY))
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, WebAccounts accounts,
            ObjectProvider<ClientRegistrationRepository> providers, OidcProperties oidc) throws Exception {
        // OpenID Connect (e.g. ProConnect) beside the password form, when a provider is registered.
        if (providers.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").failureUrl("/login?error")
                    .userInfoEndpoint(user -> user.oidcUserService(new OidcAccounts(accounts, oidc.usernameClaim()))));
        }
        http.addFilterAfter(new DisabledAccounts(accounts),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .authorizeHttpRequests(routes -> routes
                        .requestMatchers("/login", "/oauth2/**", "/login/oauth2/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
                                "/accessibilite", "/accessibility", "/account/password").permitAll()
                        .requestMatchers("/cases", "/cases/**").hasAnyRole("AGENT", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/supervision", "/supervision/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        // The complete export holds every service's cases: auditors and administrators.
                        .requestMatchers("/audit/export").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers("/audit", "/audit/**").hasAnyRole("AUDITOR", "SUPERVISOR", "ADMIN")
                        .requestMatchers("/operations", "/operations/**").hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(login -> login.loginPage("/login").defaultSuccessUrl("/", false)
                        .failureHandler(signInFailures()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A right password that must be changed leads to the page that changes it; anything else back to the form. */
    private static AuthenticationFailureHandler signInFailures() {
        ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
        failures.setExceptionMappings(Map.of(CredentialsExpiredException.class.getName(), "/account/password?expired"));
        failures.setDefaultFailureUrl("/login?error");
        return failures;
    }

    @Bean
    UserDetailsService users(WebAccounts accounts) {
        return username -> accounts.findByUsername(username)
                .filter(WebAccount::enabled)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
                        // checked only after the password: a right password then leads to the change
                        .credentialsExpired(account.mustChangePassword())
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** Both doors check passwords through the same throttle. */
    @Bean
    LoginThrottle webLoginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    @Bean
    AuthenticationProvider authentication(UserDetailsService users, PasswordEncoder passwords, LoginThrottle throttle) {
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(users);
        checked.setPasswordEncoder(passwords);
        return new ThrottledAuthentication(checked, throttle);
    }
}
