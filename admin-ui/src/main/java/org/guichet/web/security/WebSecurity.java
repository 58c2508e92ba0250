package org.guichet.web.security;

import org.guichet.web.account.WebAccount;
import org.guichet.web.account.WebAccounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every route names the role it needs. Health and metrics stay open for probes and
 * scrapers (restrict them by network, or with management.server.port); the REST API
 * uses HTTP Basic without sessions.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class WebSecurity {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(routes -> routes
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/api/cases/*/attachments", "/api/attachments/**")
                                .hasAnyRole("AGENT", "SUPERVISOR")
                        .requestMatchers("/api/queue", "/api/queue/**").hasRole("OPERATOR")
                        .requestMatchers("/api/cases", "/api/cases/**").hasAnyRole("AGENT", "SUPERVISOR")
                        // Reports are evidence for auditors and supervisors; read-only.
                        .requestMatchers("/api/reports", "/api/reports/**").hasAnyRole("AUDITOR", "SUPERVISOR")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Guichet"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    @Bean
    UserDetailsService users(WebAccounts accounts) {
        return username -> accounts.findByUsername(username)
                .filter(WebAccount::enabled)
                .map(account -> User.withUsername(account.username())
                        .password(account.passwordHash())
                        .roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
