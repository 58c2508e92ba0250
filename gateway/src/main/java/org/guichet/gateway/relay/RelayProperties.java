package org.guichet.gateway.relay;

import java.time.Duration;
import java.util.List;

import org.guichet.gateway.submission.NetworkRange;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbound relay.
 *
 * @param smarthost         next hop for every recipient, as {@code host:port} (port 25 when
 *                          omitted, brackets for an IPv6 literal); empty means delivery by MX lookup
 * @param username          user name for SMTP AUTH at the smarthost; empty means no AUTH
 * @param password          password for SMTP AUTH at the smarthost; never logged
 * @param tls               STARTTLS policy: {@code REQUIRED} (no encryption, no delivery),
 *                          {@code OPPORTUNISTIC} (encrypt when offered, RFC 7435; credentials
 *                          only over a verified certificate) or {@code NONE}
 * @param retrySchedule     waits between attempts after a temporary failure; the n-th failure
 *                          waits the n-th entry, the last entry repeats
 * @param maxAge            age of a message after which a recipient still failing temporarily
 *                          is given up and bounced (RFC 5321 §4.5.4.1: 4 to 5 days)
 * @param lease             how long a claimed recipient stays reserved to this node; another
 *                          node takes it over once the lease has run out (node crash)
 * @param claimBatch        most recipients claimed by one query
 * @param maxParallel       most SMTP transactions in flight at once on this node
 * @param pollInterval      wait between two claims when nothing was due
 * @param connectTimeout    TCP connect timeout to a next hop
 * @param readTimeout       wait for each SMTP reply (RFC 5321 §4.5.3.2 suggests minutes)
 * @param idleTimeout       how long an idle SMTP connection is kept for reuse
 * @param maxMessagesPerConnection messages sent over one connection before it is closed
 * @param ehloName          host name given in EHLO/HELO; the local host name when empty
 * @param dnsServers        DNS servers for MX lookups as {@code host:port}; the system
 *                          resolvers when empty
 * @param mxPort            TCP port of MX hosts (25; another value only for tests)
 * @param mxAllowedNetworks private or loopback networks an MX may point into (CIDR); by default
 *                          none: a recipient domain whose mail hosts resolve only into such
 *                          networks is refused, so that DNS cannot aim the relay at the inside
 */
@ConfigurationProperties("guichet.relay")
public record RelayProperties(
        @DefaultValue("") String smarthost,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("OPPORTUNISTIC") TlsPolicy tls,
        @DefaultValue({"5m", "30m", "1h", "2h", "4h"}) List<Duration> retrySchedule,
        @DefaultValue("5d") Duration maxAge,
        @DefaultValue("10m") Duration lease,
        @DefaultValue("100") int claimBatch,
        @DefaultValue("16") int maxParallel,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration connectTimeout,
        @DefaultValue("5m") Duration readTimeout,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("1000") int maxMessagesPerConnection,
        @DefaultValue("") String ehloName,
        @DefaultValue({}) List<String> dnsServers,
        @DefaultValue("25") int mxPort,
        @DefaultValue({}) List<String> mxAllowedNetworks) {

    /** STARTTLS policy towards the next hop (RFC 3207). */
    public enum TlsPolicy {
        /** STARTTLS must succeed, with a certificate trusted by the JVM; otherwise the attempt is deferred. */
        REQUIRED,
        /**
         * STARTTLS when offered, any certificate accepted (RFC 7435 opportunistic security); AUTH
         * credentials only to a host whose certificate the JVM trusts and that names it.
         */
        OPPORTUNISTIC,
        /** Never STARTTLS. */
        NONE
    }

    public RelayProperties {
        smarthost = smarthost == null ? "" : smarthost.strip();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        tls = tls == null ? TlsPolicy.OPPORTUNISTIC : tls;
        retrySchedule = retrySchedule == null || retrySchedule.isEmpty()
                ? List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4))
                : List.copyOf(retrySchedule);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        mxAllowedNetworks = mxAllowedNetworks == null ? List.of() : List.copyOf(mxAllowedNetworks);
        for (String network : mxAllowedNetworks) {
            try {
                NetworkRange.parse(network);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("guichet.relay.mx-allowed-networks: " + e.getMessage(), e);
            }
        }
        ehloName = ehloName == null ? "" : ehloName.strip();
        if (claimBatch < 1) {
            throw new IllegalArgumentException("guichet.relay.claim-batch must be at least 1");
        }
        if (maxParallel < 1) {
            throw new IllegalArgumentException("guichet.relay.max-parallel must be at least 1");
        }
        if (retrySchedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("guichet.relay.retry-schedule entries must be positive durations");
        }
    }

    /** Defaults, for code that builds the relay without Spring. */
    public static RelayProperties defaults() {
        return new RelayProperties("", "", "", TlsPolicy.OPPORTUNISTIC, null, Duration.ofDays(5), Duration.ofMinutes(10),
                100, 16, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(60),
                1000, "", List.of(), 25, List.of());
    }

    public boolean usesSmarthost() {
        return !smarthost.isEmpty();
    }

    public boolean authenticates() {
        return !username.isEmpty();
    }

    @Override
    public String toString() {
        // the password stays out of logs and failure reports
        return "RelayProperties[smarthost=" + smarthost + ", username=" + username + ", tls=" + tls
                + ", retrySchedule=" + retrySchedule + ", maxAge=" + maxAge + ", lease=" + lease + "]";
    }
}
