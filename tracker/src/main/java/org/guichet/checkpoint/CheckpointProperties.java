package org.guichet.checkpoint;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Signed checkpoints of the event log ({@code guichet.audit.checkpoints.*}).
 *
 * @param enabled    whether worker nodes sign checkpoints at all
 * @param interval   how often the head of the log is signed and sent; one checkpoint per
 *                   interval whatever the number of worker nodes
 * @param recipients auditors' addresses each checkpoint is mailed to (a checkpoint is worth
 *                   something only held outside the administration)
 * @param from       sender of those mails; default {@code journal@<reply domain>}
 */
@ConfigurationProperties("guichet.audit.checkpoints")
public record CheckpointProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1d") Duration interval,
        @DefaultValue List<String> recipients,
        String from) {

    public CheckpointProperties {
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("guichet.audit.checkpoints.interval must be positive, not " + interval);
        }
        recipients = recipients == null ? List.of()
                : recipients.stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
    }
}
