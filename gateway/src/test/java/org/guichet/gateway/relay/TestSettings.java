package org.guichet.gateway.relay;

import java.time.Duration;
import java.util.List;

import org.guichet.gateway.relay.RelayProperties.TlsPolicy;

/** Relay settings for tests: short timeouts, a short retry schedule, plain SMTP on loopback. */
final class TestSettings {

    String smarthost = "";
    String username = "";
    String password = "";
    TlsPolicy tls = TlsPolicy.NONE;
    List<Duration> retrySchedule = List.of(Duration.ofMinutes(1), Duration.ofMinutes(10));
    Duration maxAge = Duration.ofDays(5);
    Duration lease = Duration.ofMinutes(10);
    int claimBatch = 100;
    int maxParallel = 4;
    int maxMessagesPerConnection = 1000;
    List<String> dnsServers = List.of();
    int mxPort = 25;
    // The test MX hosts listen on loopback.
    List<String> mxAllowedNetworks = List.of("127.0.0.0/8");

    TestSettings smarthost(String value) {
        smarthost = value;
        return this;
    }

    RelayProperties build() {
        return new RelayProperties(smarthost, username, password, tls, retrySchedule, maxAge, lease, claimBatch,
                maxParallel, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(60),
                maxMessagesPerConnection, "relay.guichet.test", dnsServers, mxPort, mxAllowedNetworks);
    }
}
