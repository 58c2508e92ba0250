package org.guichet.gateway.authentication;

import java.time.Clock;

import org.guichet.gateway.smtp.SmtpProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthenticationProperties.class)
class AuthenticationConfiguration {

    /** One per node; the pipeline hands it to {@link EvaluateAuthentication} through the mailet context. */
    @Bean
    Authenticator authenticator(AuthenticationProperties properties, SmtpProperties smtp, Clock clock) {
        String authservId = properties.authservId().isEmpty() ? smtp.hostname() : properties.authservId();
        return new Authenticator(new ResolverDns(properties.dnsServers(), properties.timeout()), authservId,
                properties.timeout(), clock);
    }
}
