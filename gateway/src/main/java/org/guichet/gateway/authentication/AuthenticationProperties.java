package org.guichet.gateway.authentication;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the SPF, DKIM and DMARC checks of inbound mail.
 *
 * @param dnsServers DNS resolvers asked, as {@code host:port}; the system resolvers when empty
 * @param timeout    longest total time the DNS queries of one message may take; what is not
 *                   answered by then gives a {@code temperror} result
 * @param authservId name of the authentication service in {@code Authentication-Results}
 *                   headers (RFC 8601 §2.5); {@code guichet.smtp.hostname} when empty
 */
@ConfigurationProperties("guichet.authentication")
public record AuthenticationProperties(
        @DefaultValue({}) List<String> dnsServers,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("") String authservId) {

    public AuthenticationProperties {
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        authservId = authservId == null ? "" : authservId.strip();
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("guichet.authentication.timeout must be a positive duration");
        }
    }
}
