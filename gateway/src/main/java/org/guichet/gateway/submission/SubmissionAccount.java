package org.guichet.gateway.submission;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.guichet.account.PasswordAccount;

/** An application allowed to submit mail with SMTP AUTH. Only a hash of its password is kept. */
@Entity
@Table(name = "submission_account")
public class SubmissionAccount extends PasswordAccount {

    private String description;

    protected SubmissionAccount() {
    }

    public SubmissionAccount(String username, String passwordHash, String description, Instant createdAt) {
        super(username, passwordHash, createdAt);
        this.description = description;
    }

    public String description() {
        return description;
    }
}
