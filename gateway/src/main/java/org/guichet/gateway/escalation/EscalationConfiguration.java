package org.guichet.gateway.escalation;

import java.time.Clock;

import org.guichet.escalation.Escalations;
import org.guichet.gateway.smtp.SmtpProperties;
import org.guichet.gateway.spool.Spool;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The escalation sweep runs on worker nodes only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {

    /** Property naming the domain of reply addresses; the notices come from an address on it. */
    static final String REPLY_DOMAIN = "guichet.reply-domain";

    @Bean
    EscalationWorker escalationWorker(Escalations escalations, EscalationProperties settings, Spool spool,
            Environment environment, SmtpProperties smtp, Clock clock) {
        return assemble(escalations, settings, spool, environment.getProperty(REPLY_DOMAIN, smtp.hostname()), clock);
    }

    /** Builds the worker from its settings; also what tests use, so they run the production wiring. */
    static EscalationWorker assemble(Escalations escalations, EscalationProperties settings, Spool spool,
            String replyDomain, Clock clock) {
        SupervisorAlert alert = new SupervisorAlert(settings.senderFor(replyDomain));
        return new EscalationWorker(escalations, new SpooledAlerts(spool, alert, clock), settings);
    }
}
