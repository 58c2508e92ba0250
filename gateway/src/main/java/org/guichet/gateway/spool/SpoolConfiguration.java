package org.guichet.gateway.spool;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SpoolProperties.class)
class SpoolConfiguration {

    @Bean
    SpoolSignal spoolSignal() {
        return new SpoolSignal();
    }
}
