package org.guichet.gateway.answer;

import java.util.List;
import java.util.Locale;

/**
 * What answering needs to know of a service: the identity its answers carry and its mailbox
 * mode settings, as the {@code service} table holds them.
 *
 * @param serviceId      database id
 * @param code           configuration code
 * @param name           name shown to citizens (the From display name of answers)
 * @param email          the service's public address, or null: answers are then sent from the
 *                       case's reply address
 * @param mailbox        the mailbox citizens' messages are forwarded to, or null
 * @param agentAddresses addresses whose replies count as agents' answers (lower case)
 * @param mailboxMode    whether mailbox mode is on
 */
public record ServiceMailbox(long serviceId, String code, String name, String email, String mailbox,
        List<String> agentAddresses, boolean mailboxMode) {

    public ServiceMailbox {
        agentAddresses = agentAddresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether a reply from {@code address} is an agent's: one of the agent addresses, or the mailbox itself. */
    public boolean isAgent(String address) {
        if (!mailboxMode || address == null || address.isBlank()) {
            return false;
        }
        String candidate = address.strip().toLowerCase(Locale.ROOT);
        return agentAddresses.contains(candidate) || mailbox != null && mailbox.equalsIgnoreCase(candidate);
    }
}
