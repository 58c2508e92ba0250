package org.guichet.gateway.submission;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides who may relay through the submission listener: clients on an allow-listed
 * network, and applications that authenticated with their own credentials.
 */
@Component
@EnableConfigurationProperties(SubmissionProperties.class)
public class SubmissionPolicy {

    private static final SecureRandom random = new SecureRandom();

    private final List<NetworkRange> allowedNetworks;
    private final SubmissionAccounts accounts;
    private final PasswordEncoder passwords = new BCryptPasswordEncoder();
    private final Clock clock;

    public SubmissionPolicy(SubmissionProperties properties, SubmissionAccounts accounts, Clock clock) {
        this.allowedNetworks = properties.allowedNetworks().stream().map(NetworkRange::parse).toList();
        this.accounts = accounts;
        this.clock = clock;
    }

    public boolean allowListed(InetAddress client) {
        return allowedNetworks.stream().anyMatch(range -> range.contains(client));
    }

    /** True when the application exists, is enabled and the password matches its hash. */
    public boolean authenticate(String username, String password) {
        Optional<SubmissionAccount> account = accounts.findByUsername(username);
        return account.filter(SubmissionAccount::enabled)
                .map(a -> passwords.matches(password, a.passwordHash()))
                .orElse(false);
    }

    /** Creates an application account and returns its generated password, shown once. */
    @Transactional
    public String createAccount(String username, String description) {
        if (!username.matches("[A-Za-z0-9._@-]{1,128}")) {
            throw new IllegalArgumentException("application name may use letters, digits and . _ @ - (at most 128)");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("application '" + username + "' already exists");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        accounts.save(new SubmissionAccount(username, passwords.encode(password), description, clock.instant()));
        return password;
    }

    @Transactional
    public void disableAccount(String username) {
        SubmissionAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no application '" + username + "'"));
        account.enable(false);
    }

    public List<SubmissionAccount> accounts() {
        return accounts.findAll();
    }
}
