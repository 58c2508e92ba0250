package org.guichet.gateway.mailet;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeUtils;
import org.apache.mailet.Mail;

/** Mail attributes Guichet's container sets on every mail it hands to the mailets. */
public final class ContainerAttributes {

    /** When the gateway accepted the spooled message (ISO-8601 instant), for steps that record it. */
    public static final AttributeName RECEIVED_AT = AttributeName.of("org.guichet.spool.received-at");

    private ContainerAttributes() {
    }

    /**
     * The gateway's time of reception (a Received header is the sender's; this one is ours), or
     * the clock's now for a mail that did not come from the spool.
     */
    public static Instant receivedAt(Mail mail, Clock clock) {
        return AttributeUtils.getValueAndCastFromMail(mail, RECEIVED_AT, String.class).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                return Optional.<Instant>empty();
            }
        }).orElseGet(clock::instant);
    }
}
