package org.guichet.gateway.spool;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable spool.
 *
 * @param groupCommitMaxMessages most messages committed together in one transaction
 *                               (group commit: concurrent sessions share one fsync)
 * @param acceptTimeout          how long an SMTP session waits for its commit before the
 *                               client is told to retry (451)
 * @param lease                  how long a worker may hold a claimed message before
 *                               another node may take it over
 * @param claimBatch             messages a pipeline worker claims at once
 * @param idlePoll               how often an idle worker looks for work written by other nodes
 */
@ConfigurationProperties("guichet.spool")
public record SpoolProperties(
        @DefaultValue("128") int groupCommitMaxMessages,
        @DefaultValue("30s") Duration acceptTimeout,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("100") int claimBatch,
        @DefaultValue("500ms") Duration idlePoll) {
}
