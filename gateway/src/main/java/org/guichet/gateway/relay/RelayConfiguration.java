package org.guichet.gateway.relay;

import java.net.InetAddress;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.guichet.gateway.spool.Spool;
import org.guichet.gateway.spool.SpoolSignal;
import org.guichet.node.ConditionalOnRole;
import org.guichet.node.NodeProperties;
import org.guichet.node.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay runs on worker nodes only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(Role.WORKER)
@EnableConfigurationProperties(RelayProperties.class)
class RelayConfiguration {

    @Bean
    DeliveryWorker deliveryWorker(RelayProperties settings, JdbcClient jdbc, PlatformTransactionManager transactions,
                                  Spool spool, SpoolSignal signal, NodeProperties node, Clock clock,
                                  ObjectProvider<MeterRegistry> registry) {
        return assemble(settings, jdbc, new TransactionTemplate(transactions), spool, signal, node.name(), clock,
                registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    /** Builds the relay from its settings; also what tests use, so they run the production wiring. */
    static DeliveryWorker assemble(RelayProperties settings, JdbcClient jdbc, TransactionTemplate transactions, Spool spool,
                                   SpoolSignal signal, String node, Clock clock, MeterRegistry registry) {
        String ehloName = settings.ehloName().isEmpty() ? localHostName() : settings.ehloName();
        NextHops nextHops = new NextHops(settings);
        SessionPool sessions = new SessionPool(settings, ehloName);
        DeliveryQueue queue = new DeliveryQueue(jdbc, transactions);
        DeliveryRound round = new DeliveryRound(new Courier(nextHops, sessions, settings), queue,
                new RetrySchedule(settings.retrySchedule(), settings.maxAge()),
                new DeliveryStatusReport(ehloName, settings.maxAge()), spool, new RelayJournal(registry), clock, node);
        return new DeliveryWorker(queue, round, nextHops, sessions, settings, signal, clock, node);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
