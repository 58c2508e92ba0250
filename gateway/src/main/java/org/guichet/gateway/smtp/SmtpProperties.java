package org.guichet.gateway.smtp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The SMTP listeners.
 *
 * @param hostname       name announced in the greeting, EHLO and Received headers;
 *                       defaults to the local host name
 * @param submission     listener for the administration's applications
 * @param inbound        listener for citizens' replies (MX of the reply domains)
 * @param maxMessageSize largest message accepted; announced with SIZE (RFC 1870)
 * @param maxRecipients  most RCPT TO per message
 * @param maxConnections most concurrent sessions per listener
 * @param timeout        idle time after which a session is closed
 * @param tls            key store for STARTTLS; STARTTLS is offered only when set
 * @param limits         what one client, one session and one message may take of a listener
 */
@ConfigurationProperties("guichet.smtp")
public record SmtpProperties(
        String hostname,
        @DefaultValue Listener submission,
        @DefaultValue Listener inbound,
        @DefaultValue("25MB") DataSize maxMessageSize,
        @DefaultValue("1000") int maxRecipients,
        @DefaultValue("500") int maxConnections,
        @DefaultValue("5m") Duration timeout,
        @DefaultValue Tls tls,
        @DefaultValue Limits limits) {

    static final int SUBMISSION_PORT = 2525;
    static final int INBOUND_PORT = 2526;

    public SmtpProperties {
        if (hostname == null || hostname.isBlank()) {
            hostname = localHostName();
        }
        if (limits == null) {
            limits = new Limits(50, Duration.ofMinutes(15), DataSize.ofKilobytes(256), 1000, 10_000,
                    DataSize.ofMegabytes(1), null);
        }
    }

    public int submissionPort() {
        return submission.port() == null ? SUBMISSION_PORT : submission.port();
    }

    public int inboundPort() {
        return inbound.port() == null ? INBOUND_PORT : inbound.port();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    /**
     * @param port        TCP port (submission 2525, inbound 2526 when unset)
     * @param bindAddress address to listen on; all addresses when unset
     */
    public record Listener(Integer port, String bindAddress) {
    }

    /**
     * @param keyStore         PKCS#12 or JKS key store holding the server certificate
     * @param keyStorePassword its password
     * @param keyStoreType     PKCS12 or JKS
     */
    public record Tls(Path keyStore, String keyStorePassword, @DefaultValue("PKCS12") String keyStoreType) {

        public boolean enabled() {
            return keyStore != null;
        }
    }

    /**
     * @param connectionsPerAddress most concurrent sessions from one client address on a listener
     *                              ({@code 421 4.7.0} past it); the networks the submission
     *                              listener allows are not counted
     * @param sessionDuration       longest a session may last, busy or not ({@code 421 4.4.2})
     * @param headerSize            largest header section of a message ({@code 552 5.3.4})
     * @param headerFields          most header fields in a message ({@code 552 5.3.4})
     * @param lineLength            longest line of a message, CRLF excluded ({@code 554 5.6.0});
     *                              RFC 5322 §2.1.1 asks 998, senders are not all so careful
     * @param memoryThreshold       size past which a message being received waits in a file
     *                              instead of memory
     * @param dataFolder            folder of those files (owner-only, removed once spooled);
     *                              {@code <home>/tmp} when unset
     */
    public record Limits(
            @DefaultValue("50") int connectionsPerAddress,
            @DefaultValue("15m") Duration sessionDuration,
            @DefaultValue("256KB") DataSize headerSize,
            @DefaultValue("1000") int headerFields,
            @DefaultValue("10000") int lineLength,
            @DefaultValue("1MB") DataSize memoryThreshold,
            Path dataFolder) {
    }
}
