package org.guichet.gateway.escalation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation worker: how often it sweeps the open cases and who its notices come from.
 * Supervisors are set per service: {@code guichet.administration.services.<code>.supervisors}.
 *
 * @param interval wait between two sweeps; a flag is raised at most this long after it is due
 * @param pageSize open cases read at once; bounds the memory of a sweep
 * @param sender   From and envelope sender of the notices; empty means {@code guichet@} the
 *                 reply domain ({@code guichet.node.reply-domain}, else {@code guichet.smtp.hostname})
 */
@ConfigurationProperties("guichet.escalation")
public record EscalationProperties(
        @DefaultValue("1m") Duration interval,
        @DefaultValue("500") int pageSize,
        @DefaultValue("") String sender) {

    public EscalationProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("guichet.escalation.interval must be positive, not " + interval);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("guichet.escalation.page-size must be positive, not " + pageSize);
        }
        sender = sender == null ? "" : sender.strip();
    }

    /** The sender address, given the reply domain. */
    public String senderFor(String replyDomain) {
        return sender.isEmpty() ? "guichet@" + replyDomain : sender;
    }
}
