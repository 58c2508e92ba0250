package org.guichet.web.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.guichet.casework.CaseChangeRefused;
import org.guichet.casework.Caseworkers;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates web accounts and resets their passwords; passwords are generated, shown once, stored hashed. */
@Component
public class AccountService {

    /** Shortest password a person may choose (ANSSI recommends 12 characters and more). */
    public static final int MIN_PASSWORD = 12;

    private static final SecureRandom random = new SecureRandom();

    private final WebAccounts accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Caseworkers caseworkers;

    public AccountService(WebAccounts accounts, PasswordEncoder passwords, Clock clock, Caseworkers caseworkers) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.caseworkers = caseworkers;
    }

    /** Creates the account in the given services and returns its generated password. */
    @Transactional
    public String create(String username, Set<WebRole> roles, List<String> services) {
        String password = create(username, roles);
        accounts.flush();
        place(username, services);
        return password;
    }

    /** Puts the account in exactly these services (by code). */
    @Transactional
    public void place(String username, List<String> services) {
        try {
            caseworkers.place(username, services);
        } catch (CaseChangeRefused e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The codes of the account's services. */
    public List<String> services(String username) {
        return caseworkers.serviceCodes(username);
    }

    /** Enables or disables the account; a disabled one cannot sign in. */
    @Transactional
    public void enable(String username, boolean enabled) {
        accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no account '" + username + "'"))
                .enable(enabled);
    }

    /** Creates the account and returns its generated password. */
    @Transactional
    public String create(String username, Set<WebRole> roles) {
        if (!username.matches("[A-Za-z0-9._@-]{1,128}")) {
            throw new IllegalArgumentException("user name may use letters, digits and . _ @ - (at most 128)");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account needs at least one role");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw new IllegalArgumentException("account '" + username + "' already exists");
        }
        String password = newPassword();
        accounts.save(new WebAccount(username, passwords.encode(password), roles, clock.instant()));
        return password;
    }

    @Transactional
    public String resetPassword(String username) {
        WebAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no account '" + username + "'"));
        String password = newPassword();
        account.changePassword(passwords.encode(password));
        return password;
    }

    public boolean any() {
        return accounts.count() > 0;
    }

    /** The first administrator's password is in a file: it must be changed before any sign-in. */
    @Transactional
    public void requirePasswordChange(String username) {
        accounts.findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no account '" + username + "'"))
                .requirePasswordChange();
    }

    /**
     * The owner chooses a new password, giving the current one: at least {@value #MIN_PASSWORD}
     * characters, not the current one. Clears the obligation to change it.
     *
     * @throws IllegalArgumentException when the current password is wrong or the new one refused;
     *                                  the message is a message-bundle key
     */
    @Transactional
    public void choosePassword(String username, String current, String chosen) {
        WebAccount account = accounts.findByUsername(username).filter(WebAccount::enabled)
                .filter(a -> passwords.matches(current, a.passwordHash()))
                .orElseThrow(() -> new IllegalArgumentException("password.refused.current"));
        if (chosen == null || chosen.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("password.refused.short");
        }
        if (chosen.equals(current)) {
            throw new IllegalArgumentException("password.refused.same");
        }
        account.choosePassword(passwords.encode(chosen));
    }

    private static String newPassword() {
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
