package org.guichet.gateway.submission;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.guichet.account.LoginThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger(SubmissionPolicy.class);
    // Checked against when the name is unknown, so that an unknown name costs the same bcrypt
    // work as a wrong password and the time of the answer tells no names.
    private static final String NO_SUCH_ACCOUNT = SubmitterBook.PASSWORDS.encode(UUID.randomUUID().toString());

    private final List<NetworkRange> allowedNetworks;
    private final SubmissionAccounts accounts;
    private final LoginThrottle throttle;

    public SubmissionPolicy(SubmissionProperties properties, SubmissionAccounts accounts, Clock clock) {
        this.allowedNetworks = properties.allowedNetworks().stream().map(NetworkRange::parse).toList();
        this.accounts = accounts;
        this.throttle = new LoginThrottle(clock);
    }

    /** Whether the application may send as {@code domain} (envelope sender, From): any when none is set. */
    public boolean maySendAs(String username, String domain) {
        return accounts.findByUsername(username).map(account -> account.maySendAs(domain)).orElse(false);
    }

    public boolean allowListed(InetAddress client) {
        return allowedNetworks.stream().anyMatch(range -> range.contains(client));
    }

    /**
     * True when the application exists, is enabled, may connect from {@code client} and the
     * password matches its hash.
     */
    public boolean authenticate(String username, String password, InetAddress client) {
        Instant locked = throttle.lockedUntil(username);
        if (locked != null) {
            log.info("AUTH for '{}' from {} refused unchecked: locked until {} after {} failures", username,
                    client.getHostAddress(), locked, LoginThrottle.LOCK_AFTER);
            return false;
        }
        throttle.waitTurn(username);
        Optional<SubmissionAccount> account = accounts.findByUsername(username);
        boolean matches = SubmitterBook.PASSWORDS.matches(password,
                account.map(SubmissionAccount::passwordHash).orElse(NO_SUCH_ACCOUNT));
        boolean accepted = matches && account.filter(SubmissionAccount::enabled)
                .filter(a -> a.reachableFrom(client)).isPresent();
        if (accepted) {
            throttle.succeeded(username);
        } else {
            throttle.failed(username);
        }
        return accepted;
    }
}
