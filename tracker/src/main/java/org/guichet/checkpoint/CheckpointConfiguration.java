package org.guichet.checkpoint;

import java.time.Clock;

import org.guichet.administration.AdministrationProperties;
import org.guichet.casework.EventLog;
import org.guichet.node.NodeProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Binds {@code guichet.audit.checkpoints.*}; the signing key is this node's, in its home. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CheckpointProperties.class)
class CheckpointConfiguration {

    @Bean
    Checkpoints checkpoints(JdbcClient jdbc, PlatformTransactionManager transactions, EventLog events,
            NodeProperties node, AdministrationProperties administration, Clock clock) {
        String name = "guichet/" + administration.code();
        return new Checkpoints(jdbc, transactions, events, CheckpointKey.inHome(node.home(), name),
                name + "/event-log", clock);
    }

    @Bean
    CheckpointVerification checkpointVerification(EventLog events) {
        return new CheckpointVerification(events);
    }
}
