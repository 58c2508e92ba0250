package org.guichet.gateway.inbound;

import java.util.List;

import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.token.ReplyTokenVerifier;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboundProperties.class)
class InboundConfiguration {

    /** Property naming the domain of reply addresses, shared with the pipeline's {@code SetReplyAddress}. */
    static final String REPLY_DOMAIN = "guichet.reply-domain";

    /** Built once at start, so that a wrong domain or capture address stops the node with its name. */
    @Bean
    @ConditionalOnRole(Role.INBOUND)
    InboundAddresses inboundAddresses(InboundProperties properties, Environment environment, SmtpProperties smtp,
            ReplyTokenVerifier verifier) {
        List<String> domains = properties.replyDomains().isEmpty()
                ? List.of(environment.getProperty(REPLY_DOMAIN, smtp.hostname()))
                : properties.replyDomains();
        try {
            return new InboundAddresses(domains, properties.captureAddresses(), verifier);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("guichet.inbound.reply-domains / capture-addresses: " + e.getMessage(), e);
        }
    }
}
