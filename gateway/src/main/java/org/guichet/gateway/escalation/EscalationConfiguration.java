package org.guichet.gateway.escalation;

import java.time.Clock;

import org.guichet.escalation.Escalations;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.spool.Spool;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The escalation sweep runs on worker nodes only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {

    @Bean
    EscalationWorker escalationWorker(Escalations escalations, EscalationProperties settings, Spool spool,
            ReplyDomain replyDomain, Clock clock) {
        // The notices come from an address on the reply domain.
        return assemble(escalations, settings, spool, replyDomain.name(), clock);
    }

    /** Builds the worker from its settings; also what tests use, so they run the production wiring. */
    static EscalationWorker assemble(Escalations escalations, EscalationProperties settings, Spool spool,
            String replyDomain, Clock clock) {
        SupervisorAlert alert = new SupervisorAlert(settings.senderFor(replyDomain));
        return new EscalationWorker(escalations, new SpooledAlerts(spool, alert, clock), settings);
    }
}
