package org.guichet.gateway.spool;

import java.util.List;

/**
 * The SMTP envelope of a message as the gateway accepted it.
 *
 * @param sender        MAIL FROM address; the empty string is the null sender ({@code <>})
 * @param recipients    RCPT TO addresses, in order
 * @param clientAddress IP address of the SMTP client, or {@code local} for mail Guichet writes
 * @param helo          EHLO/HELO name given by the client
 * @param submitter     authenticated submitting application, or null
 */
public record Envelope(String sender, List<String> recipients, String clientAddress, String helo, String submitter) {

    public Envelope {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one recipient");
        }
    }

    /** Mail that Guichet writes itself (DSN, acknowledgement), submitted from inside. */
    public static Envelope local(String sender, List<String> recipients) {
        return new Envelope(sender, recipients, "local", null, null);
    }

    public boolean nullSender() {
        return sender.isEmpty();
    }
}
