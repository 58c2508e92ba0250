package org.guichet.gateway.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.guichet.gateway.spool.Spool;
import org.guichet.node.NodeProperties;
import org.guichet.storage.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.guichet.gateway.spool.SpoolSignal;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** The relay's Spring wiring: worker nodes only, settings bound from {@code guichet.relay.*}. */
class RelayConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NodeProperties.class)
    static class Surroundings {

        @Bean
        DataSource dataSource() {
            return TestPostgres.newMigratedDatabase();
        }

        @Bean
        JdbcClient jdbcClient(DataSource dataSource) {
            return JdbcClient.create(dataSource);
        }

        @Bean
        PlatformTransactionManager transactionManager(DataSource dataSource) {
            return new DataSourceTransactionManager(dataSource);
        }

        @Bean
        Spool spool() {
            return new RecordingSpool();
        }

        @Bean
        SpoolSignal spoolSignal() {
            return new SpoolSignal();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Surroundings.class, RelayConfiguration.class);

    @Test
    void defaultsFollowRfc5321() {
        runner.withPropertyValues("guichet.node.roles=worker").run(context -> {
            assertThat(context).hasSingleBean(DeliveryWorker.class);
            assertThat(context.getBean(DeliveryWorker.class).isRunning()).as("started with the context").isTrue();
            RelayProperties settings = context.getBean(RelayProperties.class);
            assertThat(settings.retrySchedule()).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(30),
                    Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4));
            assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(5));
            assertThat(settings.tls()).isEqualTo(RelayProperties.TlsPolicy.OPPORTUNISTIC);
            assertThat(settings.usesSmarthost()).isFalse();
            assertThat(settings.dnsServers()).isEmpty();
            assertThat(settings.mxPort()).isEqualTo(25);
        });
    }

    @Test
    void settingsBindAndThePasswordStaysOutOfToString() {
        runner.withPropertyValues("guichet.node.roles=worker", "guichet.relay.smarthost=relais.interieur.test:587",
                "guichet.relay.username=guichet", "guichet.relay.password=tres-secret", "guichet.relay.tls=required",
                "guichet.relay.retry-schedule=1m,10m", "guichet.relay.max-age=4d").run(context -> {
            RelayProperties settings = context.getBean(RelayProperties.class);
            assertThat(settings.smarthost()).isEqualTo("relais.interieur.test:587");
            assertThat(settings.tls()).isEqualTo(RelayProperties.TlsPolicy.REQUIRED);
            assertThat(settings.retrySchedule()).isEqualTo(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)));
            assertThat(settings.maxAge()).isEqualTo(Duration.ofDays(4));
            assertThat(settings.toString()).doesNotContain("tres-secret");
        });
    }

    @Test
    void noRelayOnNodesWithoutTheWorkerRole() {
        runner.withPropertyValues("guichet.node.roles=submission,web")
                .run(context -> assertThat(context).doesNotHaveBean(DeliveryWorker.class));
    }
}
