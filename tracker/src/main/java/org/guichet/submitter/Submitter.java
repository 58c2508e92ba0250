package org.guichet.submitter;

import java.time.Instant;
import java.util.List;

/**
 * A submitting application as an operator sees it; its password is never part of it.
 *
 * @param username    the SMTP AUTH user name
 * @param description what the application is, or null
 * @param networks    the client networks (CIDR) it may authenticate from; empty for anywhere
 * @param enabled     whether it may authenticate at all
 * @param createdAt   when it was added
 * @param domains     the domains it may send as (envelope sender and From); empty for any
 */
public record Submitter(String username, String description, List<String> networks, boolean enabled,
        Instant createdAt, List<String> domains) {

    public Submitter {
        networks = List.copyOf(networks);
        domains = List.copyOf(domains);
    }
}
