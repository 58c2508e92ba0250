package org.guichet.gateway.pipeline;

import java.util.List;

/**
 * A message the pipeline hands to the relay.
 *
 * @param sender     envelope sender ('' for the null sender)
 * @param recipients envelope recipients
 * @param raw        the message to send, or null to send the spooled original unchanged
 */
public record Outgoing(String sender, List<String> recipients, byte[] raw) {

    public Outgoing {
        recipients = List.copyOf(recipients);
    }

    public static Outgoing unchanged(String sender, List<String> recipients) {
        return new Outgoing(sender, recipients, null);
    }

    public boolean changed() {
        return raw != null;
    }
}
