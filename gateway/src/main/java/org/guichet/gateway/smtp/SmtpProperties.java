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
        @DefaultValue Tls tls) {

    static final int SUBMISSION_PORT = 2525;
    static final int INBOUND_PORT = 2526;

    public SmtpProperties {
        if (hostname == null || hostname.isBlank()) {
            hostname = localHostName();
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
}
