package org.guichet.gateway.dkim;

import java.security.SecureRandom;

import org.guichet.node.HomeFolder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DkimProperties.class)
class DkimConfiguration {

    /** Loaded once at start: a missing or unreadable key stops the node with the property to fix. */
    @Bean
    DkimKeys dkimKeys(DkimProperties properties, HomeFolder home) {
        return DkimKeys.load(properties, home.path(), new SecureRandom());
    }
}
