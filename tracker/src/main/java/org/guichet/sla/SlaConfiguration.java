package org.guichet.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code guichet.sla.*} and checks the default terms at start, so a wrong setting stops the start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class SlaConfiguration {

    @Bean
    SlaTerms defaultSlaTerms(SlaProperties properties) {
        return properties.terms();
    }
}
