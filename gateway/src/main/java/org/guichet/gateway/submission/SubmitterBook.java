package org.guichet.gateway.submission;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InternetDomainName;
import org.guichet.submitter.NewSubmitter;
import org.guichet.submitter.Submitter;
import org.guichet.submitter.SubmitterRefusedException;
import org.guichet.submitter.SubmitterRefusedException.Reason;
import org.guichet.submitter.Submitters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The submitting applications' accounts, the one way to change them (pages and command line):
 * a generated password of 24 random bytes, kept as a bcrypt hash and never logged, and the
 * networks each may authenticate from.
 */
@Component
public class SubmitterBook implements Submitters {

    /** How passwords are hashed when set and checked at AUTH. */
    static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();

    private static final Logger log = LoggerFactory.getLogger(SubmitterBook.class);
    private static final SecureRandom random = new SecureRandom();

    private final SubmissionAccounts accounts;
    private final Clock clock;

    public SubmitterBook(SubmissionAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Submitter> list() {
        return accounts.findAll().stream().sorted(Comparator.comparing(SubmissionAccount::username))
                .map(SubmitterBook::view).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Submitter> find(String username) {
        return accounts.findByUsername(username).map(SubmitterBook::view);
    }

    @Override
    @Transactional
    public NewSubmitter add(String username, String description, List<String> networks) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,128}")) {
            throw new SubmitterRefusedException(Reason.BAD_NAME, username,
                    "application name may use letters, digits and . _ @ - (at most 128)");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new SubmitterRefusedException(Reason.NAME_TAKEN, username,
                    "application '" + username + "' already exists");
        }
        List<NetworkRange> ranges = ranges(networks);
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String text = description == null || description.isBlank() ? null : description.strip();
        SubmissionAccount account = new SubmissionAccount(username, PASSWORDS.encode(password), text, clock.instant());
        account.allowFrom(ranges);
        accounts.save(account);
        log.info("submitter {}: added, networks={}", username, ranges.isEmpty() ? "any" : ranges);
        return new NewSubmitter(view(account), password);
    }

    @Override
    @Transactional
    public void enable(String username, boolean enabled) {
        account(username).enable(enabled);
        log.info("submitter {}: {}", username, enabled ? "enabled" : "disabled");
    }

    @Override
    @Transactional
    public Submitter changeNetworks(String username, List<String> networks) {
        SubmissionAccount account = account(username);
        List<NetworkRange> ranges = ranges(networks);
        account.allowFrom(ranges);
        log.info("submitter {}: networks={}", username, ranges.isEmpty() ? "any" : ranges);
        return view(account);
    }

    @Override
    @Transactional
    public Submitter changeDomains(String username, List<String> domains) {
        SubmissionAccount account = account(username);
        List<String> names = new ArrayList<>();
        for (String domain : domains) {
            String name = domain.strip().toLowerCase(Locale.ROOT);
            if (!InternetDomainName.isValid(name) || !name.contains(".")) {
                throw new SubmitterRefusedException(Reason.BAD_DOMAIN, domain.strip(),
                        "'" + domain.strip() + "' is not a domain name (write one such as caf.fr)");
            }
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        account.sendAs(names);
        log.info("submitter {}: sender domains={}", username, names.isEmpty() ? "any" : names);
        return view(account);
    }

    @Override
    @Transactional
    public void delete(String username) {
        accounts.delete(account(username));
        log.info("submitter {}: deleted", username);
    }

    private SubmissionAccount account(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new SubmitterRefusedException(Reason.UNKNOWN,
                username, "no application '" + username + "'"));
    }

    /** Every network parsed, or the first bad one refused; duplicates dropped. */
    private static List<NetworkRange> ranges(List<String> networks) {
        List<NetworkRange> ranges = new ArrayList<>();
        for (String network : networks == null ? List.<String>of() : networks) {
            if (network == null || network.isBlank()) {
                continue;
            }
            NetworkRange range;
            try {
                range = NetworkRange.parse(network);
            } catch (IllegalArgumentException e) {
                throw new SubmitterRefusedException(Reason.BAD_NETWORK, network.strip(), e.getMessage()
                        + " (write a CIDR range such as 10.1.2.0/24 or 2001:db8::/32, or one address)");
            }
            if (!ranges.contains(range)) {
                ranges.add(range);
            }
        }
        return ranges;
    }

    private static Submitter view(SubmissionAccount account) {
        return new Submitter(account.username(), account.description(),
                account.networks().stream().map(NetworkRange::toString).toList(), account.enabled(),
                account.createdAt(), account.senderDomains());
    }
}
