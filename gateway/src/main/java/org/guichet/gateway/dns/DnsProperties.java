package org.guichet.gateway.dns;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the check of the domains' records asks (the operations page; {@code guichet dns check}
 * without {@code --dns-server}).
 *
 * @param servers DNS resolvers as {@code host:port}; the system resolvers when empty
 * @param timeout longest wait for one answer
 */
@ConfigurationProperties("guichet.dns")
public record DnsProperties(@DefaultValue({}) List<String> servers, @DefaultValue("5s") Duration timeout) {

    public DnsProperties {
        servers = servers == null ? List.of() : List.copyOf(servers);
    }
}
