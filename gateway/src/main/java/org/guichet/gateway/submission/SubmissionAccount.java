package org.guichet.gateway.submission;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.guichet.account.PasswordAccount;

/**
 * An application allowed to submit mail with SMTP AUTH, from the networks given (anywhere when
 * none is). Only a hash of its password is kept.
 */
@Entity
@Table(name = "submission_account")
public class SubmissionAccount extends PasswordAccount {

    private String description;

    /** CIDR ranges, comma-separated, as {@link NetworkRange#toString()} writes them. */
    @Column(name = "allowed_networks", nullable = false)
    private String allowedNetworks = "";

    /** Domains, lower case, comma-separated; empty for any. */
    @Column(name = "sender_domains", nullable = false)
    private String senderDomains = "";

    protected SubmissionAccount() {
    }

    public SubmissionAccount(String username, String passwordHash, String description, Instant createdAt) {
        super(username, passwordHash, createdAt);
        this.description = description;
    }

    public String description() {
        return description;
    }

    public List<NetworkRange> networks() {
        return allowedNetworks.isBlank() ? List.of()
                : Arrays.stream(allowedNetworks.split(",")).map(NetworkRange::parse).toList();
    }

    public void allowFrom(List<NetworkRange> networks) {
        this.allowedNetworks = String.join(",", networks.stream().map(NetworkRange::toString).toList());
    }

    /** Whether the application may authenticate from {@code client}: anywhere when no network is set. */
    public boolean reachableFrom(InetAddress client) {
        List<NetworkRange> networks = networks();
        return networks.isEmpty() || networks.stream().anyMatch(range -> range.contains(client));
    }

    public List<String> senderDomains() {
        return senderDomains.isBlank() ? List.of() : List.of(senderDomains.split(","));
    }

    public void sendAs(List<String> domains) {
        this.senderDomains = String.join(",", domains);
    }

    /** Whether the application may send as {@code domain}: any domain when none is set. */
    public boolean maySendAs(String domain) {
        List<String> domains = senderDomains();
        return domains.isEmpty() || domain != null && domains.contains(domain.toLowerCase(Locale.ROOT));
    }
}
