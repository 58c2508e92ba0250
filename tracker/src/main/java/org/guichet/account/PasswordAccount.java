package org.guichet.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An account that proves itself with a password, of a person or of an application: its unique
 * name, a hash of its password (never the password), whether it may sign in, and when it was
 * created. A disabled account is kept, so that the evidence naming it keeps its meaning.
 */
@MappedSuperclass
public abstract class PasswordAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PasswordAccount() {
    }

    protected PasswordAccount(String username, String passwordHash, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    /** A disabled account cannot sign in; it stays, so that the evidence naming it keeps its meaning. */
    public void enable(boolean enabled) {
        this.enabled = enabled;
    }
}
