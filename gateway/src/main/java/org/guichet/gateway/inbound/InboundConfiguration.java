package org.guichet.gateway.inbound;

import java.util.List;

import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundProperties.class)
class InboundConfiguration {

    /** Built once at start, so that a wrong domain or capture address stops the node with its name. */
    @Bean
    @ConditionalOnRole(Role.INBOUND)
    InboundAddresses inboundAddresses(InboundProperties properties, ReplyDomain replyDomain,
            ReplyTokenVerifier verifier) {
        List<String> domains = properties.replyDomains().isEmpty()
                ? List.of(replyDomain.name())
                : properties.replyDomains();
        try {
            return new InboundAddresses(domains, properties.captureAddresses(), verifier);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("guichet.inbound.reply-domains / capture-addresses: " + e.getMessage(), e);
        }
    }
}
