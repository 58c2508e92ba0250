package org.guichet.web.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.guichet.account.PasswordAccount;

/** A person who signs in to the web UI or the REST API. Only a hash of the password is kept. */
@Entity
@Table(name = "web_account")
public class WebAccount extends PasswordAccount {

    @Column(nullable = false)
    private String roles;

    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    protected WebAccount() {
    }

    public WebAccount(String username, String passwordHash, Set<WebRole> roles, Instant createdAt) {
        super(username, passwordHash, createdAt);
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    /** Whether the account must choose a new password before it may sign in. */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** Someone else knows the password: the owner chooses a new one before signing in. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    /** The owner's own password, chosen on the password page. */
    public void choosePassword(String newHash) {
        changePassword(newHash);
        this.mustChangePassword = false;
    }

    public Set<WebRole> roles() {
        Set<WebRole> set = EnumSet.noneOf(WebRole.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(WebRole::valueOf).forEach(set::add);
        return set;
    }
}
