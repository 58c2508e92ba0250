package org.guichet.gateway.checkpoint;

import java.time.Clock;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.guichet.checkpoint.CheckpointProperties;
import org.guichet.checkpoint.Checkpoints;
import org.guichet.gateway.smtp.ReplyDomain;
import org.guichet.gateway.spool.Spool;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Checkpoints are signed and mailed by worker nodes, unless {@code guichet.audit.checkpoints.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
@ConditionalOnProperty(name = "guichet.audit.checkpoints.enabled", havingValue = "true", matchIfMissing = true)
class CheckpointMailConfiguration {

    /** Local part of the default sender, on the reply domain. */
    static final String FROM_LOCAL_PART = "journal";

    @Bean
    CheckpointWorker checkpointWorker(Checkpoints checkpoints, CheckpointProperties settings, Spool spool,
            ReplyDomain replyDomain, Clock clock) {
        String from = settings.from() == null || settings.from().isBlank()
                ? FROM_LOCAL_PART + "@" + replyDomain.name() : settings.from().strip();
        try {
            for (String recipient : settings.recipients()) {
                new InternetAddress(recipient, true).validate();
            }
            return new CheckpointWorker(checkpoints, settings, new CheckpointLetter(new InternetAddress(from, true)),
                    spool, clock);
        } catch (AddressException e) {
            throw new IllegalArgumentException("guichet.audit.checkpoints.from (or guichet.node.reply-domain) and"
                    + " guichet.audit.checkpoints.recipients must be addresses: " + e.getMessage(), e);
        }
    }
}
