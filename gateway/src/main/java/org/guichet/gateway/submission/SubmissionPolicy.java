package org.guichet.gateway.submission;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Decides who may relay through the submission listener: clients on an allow-listed
 * network, and applications that authenticated with their own credentials from one of their
 * own networks. The accounts themselves are kept by {@link SubmitterBook}.
 */
@Component
@EnableConfigurationProperties(SubmissionProperties.class)
public class SubmissionPolicy {

    private final List<NetworkRange> allowedNetworks;
    private final SubmissionAccounts accounts;

    public SubmissionPolicy(SubmissionProperties properties, SubmissionAccounts accounts) {
        this.allowedNetworks = properties.allowedNetworks().stream().map(NetworkRange::parse).toList();
        this.accounts = accounts;
    }

    public boolean allowListed(InetAddress client) {
        return allowedNetworks.stream().anyMatch(range -> range.contains(client));
    }

    /**
     * True when the application exists, is enabled, may connect from {@code client} and the
     * password matches its hash.
     */
    public boolean authenticate(String username, String password, InetAddress client) {
        Optional<SubmissionAccount> account = accounts.findByUsername(username);
        return account.filter(SubmissionAccount::enabled)
                .filter(a -> a.reachableFrom(client))
                .map(a -> SubmitterBook.PASSWORDS.matches(password, a.passwordHash()))
                .orElse(false);
    }
}
