package org.guichet.casework;

import java.util.Locale;
import java.util.Objects;

/**
 * Who wrote an answer, as Guichet keeps it internally: a web account's name, or the address
 * an agent answered from in mailbox mode. Never written into what the citizen receives: the
 * answer leaves under the service's name and address.
 *
 * @param identity web account name or mailbox address
 * @param channel  how the answer reached Guichet
 */
public record AnsweringAgent(String identity, Channel channel) {

    public AnsweringAgent {
        if (identity == null || identity.isBlank()) {
            throw new IllegalArgumentException("an answering agent needs an identity");
        }
        identity = identity.strip();
        Objects.requireNonNull(channel, "channel");
    }

    public static AnsweringAgent webAccount(String username) {
        return new AnsweringAgent(username, Channel.API);
    }

    public static AnsweringAgent mailbox(String address) {
        return new AnsweringAgent(address, Channel.MAILBOX);
    }

    /** How an answer reached Guichet. */
    public enum Channel {
        /** The REST API (or the web UI built on it), as an authenticated web account. */
        API,
        /** A reply from an agent's own mailbox to the case's reply address (mailbox mode). */
        MAILBOX;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Channel of(String column) {
            return valueOf(column.toUpperCase(Locale.ROOT));
        }
    }
}
