package org.guichet.gateway.smtp;

import org.guichet.node.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReplyDomainConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReplyDomainConfiguration.class);

    /** One bean, so the warning below is logged once per start whatever reads the domain. */
    @Bean
    ReplyDomain replyDomain(NodeProperties node, SmtpProperties smtp) {
        ReplyDomain domain = ReplyDomain.of(node, smtp);
        if (!domain.configured()) {
            log.warn("guichet.node.reply-domain is not set: reply addresses end in @{}, which citizens' mail cannot"
                    + " reach, and the inbound role stays off. Set guichet.node.reply-domain to a domain whose MX points"
                    + " to this node's inbound listener.", domain.name());
        }
        return domain;
    }
}
