package org.guichet.gateway.submission;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An application allowed to submit mail with SMTP AUTH. Only a hash of its password is kept. */
@Entity
@Table(name = "submission_account")
public class SubmissionAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 128)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    private String description;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SubmissionAccount() {
    }

    public SubmissionAccount(String username, String passwordHash, String description, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.description = description;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String description() {
        return description;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public void disable() {
        enabled = false;
    }
}
