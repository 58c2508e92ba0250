package org.guichet.web.account;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who signs in to the web UI or the REST API. Only a hash of the password is kept. */
@Entity
@Table(name = "web_account")
public class WebAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebAccount() {
    }

    public WebAccount(String username, String passwordHash, Set<WebRole> roles, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<WebRole> roles() {
        Set<WebRole> set = EnumSet.noneOf(WebRole.class);
        Arrays.stream(roles.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(WebRole::valueOf).forEach(set::add);
        return set;
    }

    public boolean enabled() {
        return enabled;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    /** A disabled account cannot sign in; it stays, so that the evidence naming it keeps its meaning. */
    public void enable(boolean enabled) {
        this.enabled = enabled;
    }
}
